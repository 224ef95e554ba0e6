using FsBench.Probe.Libc;
using FsBench.Probe.Recording;

namespace FsBench.Probe.Ops;

/// <summary>The calls the operations make, on encoded paths, and their untimed fixture helpers.</summary>
internal static unsafe class Fs
{
    public const uint FileMode = 0x1a4;  // 0644
    public const uint DirMode = 0x1ed;   // 0755

    /// <summary>open(O_CREAT|O_EXCL) + close: 0 or errno.</summary>
    public static int CreateFile(byte* path, uint mode = FileMode)
    {
        int fd = Native.Open(path, Native.O_CREAT | Native.O_EXCL | Native.O_WRONLY | Native.O_CLOEXEC, mode);
        if (fd < 0) return Native.Errno;
        Native.Close(fd);
        return 0;
    }

    /// <summary>The same on a path not encoded in advance (the known-bug reproducers, which are not timed).</summary>
    public static int CreateFile(string path, uint mode = FileMode)
    {
        int fd = Native.Open(path, Native.O_CREAT | Native.O_EXCL | Native.O_WRONLY | Native.O_CLOEXEC, mode);
        if (fd < 0) return Native.Errno;
        Native.Close(fd);
        return 0;
    }

    public static int SetXattr(string path, string name, ReadOnlySpan<byte> value)
    {
        fixed (byte* v = value) return Native.Check(Native.SetXattr(path, name, v, (nuint)value.Length, 0));
    }

    /// <summary>opendir, readdir to the end, closedir: 0, or the errno of the first call that failed.</summary>
    public static int ListToEnd(string dir)
    {
        nint d = Native.Opendir(dir);
        return d == 0 ? Native.Errno : Native.ReadToEndAndClose(d);
    }

    // Untimed fixtures: every failure is counted in the batch's prep phase.
    public static void CreateAll(EncodedPaths paths, PrepTally prep)
    {
        for (int i = 0; i < paths.Count; i++) prep.Note(CreateFile(paths[i]), paths.Text(i));
    }

    public static void MkdirAll(EncodedPaths paths, PrepTally prep)
    {
        for (int i = 0; i < paths.Count; i++) prep.Note(Native.Check(Native.Mkdir(paths[i], DirMode)), paths.Text(i));
    }

    public static void SetXattrAll(EncodedPaths paths, string name, PrepTally prep)
    {
        for (int i = 0; i < paths.Count; i++) prep.Note(SetXattr(paths.Text(i), name, Xattrs.Value), paths.Text(i));
    }

    // Cleanup: whatever is left; absent entries are expected (the op removed them).
    public static void UnlinkAll(EncodedPaths paths) { for (int i = 0; i < paths.Count; i++) Native.Unlink(paths[i]); }
    public static void RmdirAll(EncodedPaths paths) { for (int i = 0; i < paths.Count; i++) Native.Rmdir(paths[i]); }
}

/// <summary>
/// The attribute the timed getxattr and setxattr calls name, NUL-terminated, and the value every fixture attribute carries: the
/// same as <see cref="Protocol.HostFixtures"/> (a test checks). The untimed fixtures are set by HostFixtures' names.
/// </summary>
public static class Xattrs
{
    public static ReadOnlySpan<byte> Name => "user.fsbench\0"u8;
    public static ReadOnlySpan<byte> Value => "fsbench-value-16"u8;
}
