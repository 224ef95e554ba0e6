namespace FsBench.Probe.KnownBugs;

/// <summary>
/// git's loose-object write: write a temporary file, fchmod 0444, link it to its final name, unlink the temporary. Under
/// AVF (Darwin 25.5) the unlink fails with EPERM (anthropics/claude-code#62545).
/// </summary>
public sealed unsafe class GitObjectWrite() : KnownBugProbe("git_object_write",
    "write tmp, fchmod(tmp, 0444), link(tmp, obj), unlink(tmp) all succeed; obj is 0444 with the data (claude-code#62545)")
{
    public override string? Check(string dir)
    {
        string tmp = $"{dir}/tmp_obj_x", obj = $"{dir}/3f7a";
        int fd = Native.Open(tmp, Native.O_CREAT | Native.O_EXCL | 2 /*O_RDWR*/ | Native.O_CLOEXEC, 0x1a4);
        if (fd < 0) return $"create tmp: {Observe.Err()}";
        try
        {
            byte* data = stackalloc byte[64];
            if (Native.Write(fd, data, 64) != 64) return $"write: {Observe.Err()}";
            if (Native.Fchmod(fd, 0x124) != 0) return $"fchmod 0444: {Observe.Err()}";
        }
        finally { Native.Close(fd); }
        if (Native.Link(tmp, obj) != 0) return $"link: {Observe.Err()}";
        if (Native.Unlink(tmp) != 0) return $"unlink tmp: {Observe.Err()}";
        var st = Observe.Stat(obj, out var err);
        if (st is null) return $"stat object: {err}";
        if ((st.Value.Mode & 0xfff) != 0x124) return $"object mode {Convert.ToString(st.Value.Mode & 0xfff, 8)}, expected 444";
        return st.Value.Size == 64 ? null : $"object size {st.Value.Size}, expected 64";
    }
}
