
namespace FsBench.Probe.KnownBugs;

/// <summary>Small checks the known-bug probes share: does a path exist, its inode and link count.</summary>
internal static unsafe class Observe
{
    public static bool Exists(string path)
    {
        StatxBuf b;
        return Native.Statx(Native.AT_FDCWD, path, Native.AT_SYMLINK_NOFOLLOW, Native.STATX_BASIC_STATS, &b) == 0;
    }

    /// <summary>(inode, link count, mode, size), or null with the errno name when statx fails.</summary>
    public static (ulong Ino, uint Nlink, uint Mode, ulong Size)? Stat(string path, out string? error)
    {
        StatxBuf b;
        error = null;
        if (Native.Statx(Native.AT_FDCWD, path, Native.AT_SYMLINK_NOFOLLOW, Native.STATX_BASIC_STATS, &b) == 0) return (b.Ino, b.Nlink, b.Mode, b.Size);
        error = ErrnoNames.Name(Native.Errno);
        return null;
    }

    public static string Err() => ErrnoNames.Name(Native.Errno);

    /// <summary>"EACCES, created anyway" or "EACCES" (nothing left behind).</summary>
    public static string FailedButLeft(string errno, string path) => Exists(path) ? $"{errno}, created anyway" : errno;
}
