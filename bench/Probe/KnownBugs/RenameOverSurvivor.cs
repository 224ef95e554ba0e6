namespace FsBench.Probe.KnownBugs;

/// <summary>
/// rename over an existing file, then readdir and stat of the survivor: the directory lists the name once, and its stat
/// shows the renamed file's inode and size. libkrun dropped the inode that a rename overwrote while the guest still
/// held it (libkrun commit d96c120, "keep the inode that a rename overwrites").
/// </summary>
public sealed unsafe class RenameOverSurvivor() : KnownBugProbe("rename_over_survivor",
    "after rename(a, b) over b: readdir lists b once and not a; stat(b) has a's inode and size (libkrun d96c120)")
{
    public override string? Check(string dir)
    {
        string a = $"{dir}/a", b = $"{dir}/b";
        if (Write(a, 10) is { } ea) return ea;
        if (Write(b, 3) is { } eb) return eb;
        _ = Observe.Stat(b, out _);   // the guest holds the old b's inode
        var src = Observe.Stat(a, out var err);
        if (src is null) return $"stat a: {err}";
        if (Native.Rename(a, b) != 0) return $"rename: {Observe.Err()}";
        var names = Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ToList();
        if (names.Count(n => n == "b") != 1) return $"readdir lists b {names.Count(n => n == "b")} times";
        if (names.Contains("a")) return "readdir still lists a";
        var st = Observe.Stat(b, out err);
        if (st is null) return $"stat b: {err}";
        if (st.Value.Ino != src.Value.Ino) return "b does not have a's inode";
        return st.Value.Size == 10 ? null : $"b has size {st.Value.Size}, expected 10 (the overwritten file's)";
    }

    private static string? Write(string path, int size)
    {
        int fd = Native.Open(path, Native.O_CREAT | Native.O_EXCL | Native.O_WRONLY | Native.O_CLOEXEC, 0x1a4);
        if (fd < 0) return $"create {Path.GetFileName(path)}: {Observe.Err()}";
        byte* data = stackalloc byte[16];
        nint n = Native.Write(fd, data, (nuint)size);
        Native.Close(fd);
        return n == size ? null : $"write {Path.GetFileName(path)}: {Observe.Err()}";
    }
}
