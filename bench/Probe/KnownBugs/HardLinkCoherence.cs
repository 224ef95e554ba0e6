namespace FsBench.Probe.KnownBugs;

/// <summary>
/// link, stat both, unlink: the inode stays the same and the link count goes 1 → 2 → 1. Under AVF the
/// original's inode or link count changes (containers/podman#23061, docker/for-mac#7059).
/// </summary>
public sealed class HardLinkCoherence() : KnownBugProbe("hardlink_coherence",
    "after link(f,g): same inode, nlink 2 on both; after unlink(g): same inode, nlink 1 (podman#23061, docker/for-mac#7059)")
{
    public override string? Check(string dir)
    {
        string f = $"{dir}/f", g = $"{dir}/g";
        if (Fs.CreateFile(f) is int e and not 0) return $"create: {ErrnoNames.Name(e)}";
        var before = Observe.Stat(f, out var err);
        if (before is null) return $"stat before link: {err}";
        if (Native.Link(f, g) != 0) return $"link: {Observe.Err()}";
        var fs = Observe.Stat(f, out err);
        if (fs is null) return $"stat original after link: {err}";
        var gs = Observe.Stat(g, out err);
        if (gs is null) return $"stat new link: {err}";
        if (fs.Value.Ino != before.Value.Ino) return "original's inode changed after link";
        if (gs.Value.Ino != fs.Value.Ino) return "link has another inode";
        if (fs.Value.Nlink != 2 || gs.Value.Nlink != 2) return $"nlink {fs.Value.Nlink}/{gs.Value.Nlink} after link, expected 2";
        if (Native.Unlink(g) != 0) return $"unlink: {Observe.Err()}";
        var after = Observe.Stat(f, out err);
        if (after is null) return $"stat after unlink: {err}";
        if (after.Value.Ino != before.Value.Ino) return "original's inode changed after unlink";
        return after.Value.Nlink == 1 ? null : $"nlink {after.Value.Nlink} after unlink, expected 1";
    }
}
