using System.Runtime.InteropServices;

namespace FsBench.Probe.Libc;

/// <summary>
/// The libc calls the probe makes outside the benchmark's timed loop (the soak, the replay, the known bugs, fixtures and
/// clean-up; the timed loop's are <see cref="TimedCalls"/>). Every call returns -1 and sets errno on failure, saved by
/// LibraryImport's SetLastError across the GC transition.
/// </summary>
internal static unsafe partial class Native
{
    private const string C = "libc";
    public const int AT_FDCWD = -100;
    public const int AT_SYMLINK_NOFOLLOW = 0x100;
    public const int O_RDONLY = 0, O_WRONLY = 1, O_CREAT = 0x40, O_EXCL = 0x80, O_CLOEXEC = 0x80000;
    public const uint STATX_BASIC_STATS = 0x7ff;

    [LibraryImport(C, EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mkdir(string path, uint mode);

    [LibraryImport(C, EntryPoint = "rmdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rmdir(string path);

    [LibraryImport(C, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, uint mode);

    [LibraryImport(C, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(C, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int dirfd, string path, int flags, uint mask, StatxBuf* buf);

    [LibraryImport(C, EntryPoint = "lgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetXattr(string path, string name, byte* value, nuint size);

    [LibraryImport(C, EntryPoint = "lsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetXattr(string path, string name, byte* value, nuint size, int flags);

    [LibraryImport(C, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rename(string from, string to);

    [LibraryImport(C, EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Unlink(string path);

    [LibraryImport(C, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Link(string existing, string newPath);

    [LibraryImport(C, EntryPoint = "symlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Symlink(string target, string linkPath);

    [LibraryImport(C, EntryPoint = "chmod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Chmod(string path, uint mode);

    [LibraryImport(C, EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Utimensat(int dirfd, string path, void* times, int flags);

    [LibraryImport(C, EntryPoint = "opendir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Opendir(string path);

    [LibraryImport(C, EntryPoint = "readdir", SetLastError = true)]
    public static partial nint Readdir(nint dir);

    [LibraryImport(C, EntryPoint = "closedir", SetLastError = true)]
    public static partial int Closedir(nint dir);

    [LibraryImport(C, EntryPoint = "uname", SetLastError = true)]
    public static partial int Uname(byte* buf);

    [LibraryImport(C, EntryPoint = "statfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statfs(string path, byte* buf);

    // The same calls on encoded paths (see EncodedPaths), for the untimed fixtures and clean-up of the benchmark's batches.
    [LibraryImport(C, EntryPoint = "mkdir", SetLastError = true)] public static partial int Mkdir(byte* path, uint mode);
    [LibraryImport(C, EntryPoint = "rmdir", SetLastError = true)] public static partial int Rmdir(byte* path);
    [LibraryImport(C, EntryPoint = "open", SetLastError = true)] public static partial int Open(byte* path, int flags, uint mode);
    [LibraryImport(C, EntryPoint = "statx", SetLastError = true)] public static partial int Statx(int dirfd, byte* path, int flags, uint mask, StatxBuf* buf);
    [LibraryImport(C, EntryPoint = "rename", SetLastError = true)] public static partial int Rename(byte* from, byte* to);
    [LibraryImport(C, EntryPoint = "unlink", SetLastError = true)] public static partial int Unlink(byte* path);
    [LibraryImport(C, EntryPoint = "link", SetLastError = true)] public static partial int Link(byte* existing, byte* newPath);
    [LibraryImport(C, EntryPoint = "symlink", SetLastError = true)] public static partial int Symlink(byte* target, byte* linkPath);
    [LibraryImport(C, EntryPoint = "chmod", SetLastError = true)] public static partial int Chmod(byte* path, uint mode);

    /// <summary>readdir to the end of an open directory, then closedir: 0, or the errno of the first call that failed.</summary>
    public static int ReadToEndAndClose(nint dir)
    {
        int errno;
        while (true)
        {
            Marshal.SetLastPInvokeError(0);
            if (Readdir(dir) != 0) continue;
            errno = Errno;   // NULL with errno 0 is the end of the directory
            break;
        }
        Closedir(dir);
        return errno;
    }

    /// <summary>errno of the last failed call (LibraryImport's SetLastError captures it).</summary>
    public static int Errno => Marshal.GetLastPInvokeError();

    /// <summary>Run a libc call that returns -1 on failure: 0 on success, otherwise errno.</summary>
    public static int Check(long ret) => ret < 0 ? Errno : 0;
}

/// <summary>struct statx: fixed 256-byte layout, the same on x86_64 and arm64.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct StatxBuf
{
    [FieldOffset(0)] public uint Mask;
    [FieldOffset(16)] public uint Nlink;
    [FieldOffset(28)] public ushort Mode;
    [FieldOffset(32)] public ulong Ino;
    [FieldOffset(40)] public ulong Size;
}

internal static partial class NativePaths
{
    [LibraryImport("libc", EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint Realpath(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint p);

    /// <summary>The canonical absolute path (symlinks resolved), or null if it does not exist.</summary>
    public static string? Real(string path)
    {
        nint p = Realpath(path, 0);
        if (p == 0) return null;
        try { return Marshal.PtrToStringUTF8(p); } finally { Free(p); }
    }
}
