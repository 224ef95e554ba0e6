namespace FsBench.Probe.KnownBugs;

/// <summary>
/// Open a file that has more than one hard link, by either name, for reading and for writing: under AVF it sometimes
/// fails with EACCES (apple/container#1251, rdar://169481107; worked around in apple/containerization#509).
/// </summary>
public sealed class OpenMultiLink() : KnownBugProbe("open_multilink",
    "open(O_RDONLY) and open(O_RDWR) of a file with 2 hard links succeed by both names (apple/container#1251)")
{
    public override string? Check(string dir)
    {
        string f = $"{dir}/f", g = $"{dir}/g";
        if (Fs.CreateFile(f) is int e and not 0) return $"create: {ErrnoNames.Name(e)}";
        if (Native.Link(f, g) != 0) return $"link: {Observe.Err()}";
        foreach (var (path, name) in new[] { (f, "first name"), (g, "second name") })
        foreach (var (flags, how) in new[] { (Native.O_RDONLY, "O_RDONLY"), (2 /*O_RDWR*/, "O_RDWR") })
        {
            int fd = Native.Open(path, flags | Native.O_CLOEXEC, 0);
            if (fd < 0) return $"open({how}) by the {name}: {Observe.Err()}";
            Native.Close(fd);
        }
        return null;
    }
}
