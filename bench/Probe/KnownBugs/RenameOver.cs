namespace FsBench.Probe.KnownBugs;

/// <summary>rename over an existing file (how editors and git save): the target takes the source's inode, the source is gone.</summary>
public sealed class RenameOver() : KnownBugProbe("rename_over",
    "rename(a, b) over an existing b succeeds; b has a's inode; a is gone")
{
    public override string? Check(string dir)
    {
        string a = $"{dir}/a", b = $"{dir}/b";
        Fs.CreateFile(a);
        Fs.CreateFile(b);
        var src = Observe.Stat(a, out var err);
        if (src is null) return $"stat source: {err}";
        if (Native.Rename(a, b) != 0) return $"rename: {Observe.Err()}";
        if (Observe.Exists(a)) return "source still exists after rename";
        var dst = Observe.Stat(b, out err);
        if (dst is null) return $"stat target: {err}";
        return dst.Value.Ino == src.Value.Ino ? null : "target does not have the source's inode";
    }
}
