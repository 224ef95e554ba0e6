namespace FsBench.Protocol.Trace;

/// <summary>The calls a trace holds, and what each does to its paths (for the replay's ordering between threads).</summary>
public static class TraceOps
{
    public const string Open = "open", Close = "close", Stat = "stat", Lstat = "lstat", Fstat = "fstat", Access = "access",
        Readlink = "readlink", Mkdir = "mkdir", Rmdir = "rmdir", Unlink = "unlink", Rename = "rename", Link = "link",
        Symlink = "symlink", Chmod = "chmod", Fchmod = "fchmod", Utimens = "utimens", Read = "read", Write = "write",
        Getdents = "getdents", Truncate = "truncate", Ftruncate = "ftruncate", Fsync = "fsync";

    public static readonly string[] All =
    [
        Open, Close, Stat, Lstat, Fstat, Access, Readlink, Mkdir, Rmdir, Unlink, Rename, Link, Symlink,
        Chmod, Fchmod, Utimens, Read, Write, Getdents, Truncate, Ftruncate, Fsync,
    ];

    private static readonly HashSet<string> Known = [.. All];
    private static readonly HashSet<string> OnHandle = [Close, Fstat, Fchmod, Read, Write, Getdents, Ftruncate, Fsync];
    private static readonly HashSet<string> Changing = [Mkdir, Rmdir, Unlink, Rename, Link, Symlink, Chmod, Fchmod, Utimens, Write, Truncate, Ftruncate];

    public static bool IsKnown(string op) => Known.Contains(op);

    /// <summary>Calls on a descriptor a previous open returned (the trace's handle).</summary>
    public static bool UsesHandle(string op) => OnHandle.Contains(op);

    /// <summary>Does the call change its path (create, remove, rename, write to it), or only look at it?</summary>
    public static bool ChangesPath(TraceCall c) =>
        Changing.Contains(c.Op) || (c.Op == Open && c.Flags is { } f && (f.Contains("CREAT") || f.Contains("TRUNC")));

    /// <summary>Does the call change its second path (rename's and link's new name)?</summary>
    public static bool ChangesPath2(TraceCall c) => c.Op is Rename or Link;
}

/// <summary>open(2) flags by name, with their values on the two architectures the probe runs on.</summary>
public static class OpenFlags
{
    private static readonly (string Name, int X64, int Arm64)[] Table =
    [
        ("WRONLY", 0x1, 0x1), ("RDWR", 0x2, 0x2), ("CREAT", 0x40, 0x40), ("EXCL", 0x80, 0x80), ("NOCTTY", 0x100, 0x100),
        ("TRUNC", 0x200, 0x200), ("APPEND", 0x400, 0x400), ("NONBLOCK", 0x800, 0x800), ("DIRECTORY", 0x10000, 0x4000),
        ("NOFOLLOW", 0x20000, 0x8000), ("NOATIME", 0x40000, 0x40000), ("CLOEXEC", 0x80000, 0x80000), ("PATH", 0x200000, 0x200000),
    ];

    /// <summary>x86_64 flags (as strace prints them raw) by name; "RDONLY" when none is set. Unknown bits are dropped.</summary>
    public static string NamesFromX64(int flags)
    {
        var names = Table.Where(t => (flags & t.X64) == t.X64).Select(t => t.Name).ToList();
        return names.Count == 0 ? "RDONLY" : string.Join('|', names);
    }

    /// <summary>The flags' value on this process's architecture.</summary>
    public static int Native(string names, bool arm64)
    {
        int v = 0;
        foreach (var n in names.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (n == "RDONLY") continue;
            var t = Table.FirstOrDefault(t => t.Name == n);
            if (t.Name is null) throw new TraceFormatException($"unknown open flag '{n}'");
            v |= arm64 ? t.Arm64 : t.X64;
        }
        return v;
    }
}
