using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FsBench.Probe.Libc;

/// <summary>
/// The calls the benchmark's timed loop makes (<see cref="Session.TimedLoop"/>), on encoded paths, and nothing else: no
/// GC transition around the call (<see cref="SuppressGCTransitionAttribute"/>) and no saved last error, so the timed
/// window holds the system call and little more (the transition and the error bookkeeping were 5-10% of a tmpfs stat).
/// errno is read right after the call: with no transition in between, nothing else can have changed it. A call that
/// blocks (a stalled server) delays a garbage collection until it returns; the timed loop allocates nothing and no other
/// thread of the probe allocates while a batch is timed, so none is pending. The soak, the known bugs and the fixtures
/// use <see cref="Native"/>, with the transition, since their threads allocate while others wait on the server.
/// </summary>
internal static unsafe partial class TimedCalls
{
    private const string C = "libc";

    [LibraryImport(C, EntryPoint = "mkdir"), SuppressGCTransition] public static partial int Mkdir(byte* path, uint mode);
    [LibraryImport(C, EntryPoint = "rmdir"), SuppressGCTransition] public static partial int Rmdir(byte* path);
    [LibraryImport(C, EntryPoint = "open"), SuppressGCTransition] public static partial int Open(byte* path, int flags, uint mode);
    [LibraryImport(C, EntryPoint = "close"), SuppressGCTransition] public static partial int Close(int fd);
    [LibraryImport(C, EntryPoint = "statx"), SuppressGCTransition] public static partial int Statx(int dirfd, byte* path, int flags, uint mask, StatxBuf* buf);
    [LibraryImport(C, EntryPoint = "lgetxattr"), SuppressGCTransition] public static partial nint GetXattr(byte* path, byte* name, byte* value, nuint size);
    [LibraryImport(C, EntryPoint = "lsetxattr"), SuppressGCTransition] public static partial int SetXattr(byte* path, byte* name, byte* value, nuint size, int flags);
    [LibraryImport(C, EntryPoint = "llistxattr"), SuppressGCTransition] public static partial nint ListXattr(byte* path, byte* list, nuint size);
    [LibraryImport(C, EntryPoint = "rename"), SuppressGCTransition] public static partial int Rename(byte* from, byte* to);
    [LibraryImport(C, EntryPoint = "unlink"), SuppressGCTransition] public static partial int Unlink(byte* path);
    [LibraryImport(C, EntryPoint = "link"), SuppressGCTransition] public static partial int Link(byte* existing, byte* newPath);
    [LibraryImport(C, EntryPoint = "symlink"), SuppressGCTransition] public static partial int Symlink(byte* target, byte* linkPath);
    [LibraryImport(C, EntryPoint = "chmod"), SuppressGCTransition] public static partial int Chmod(byte* path, uint mode);
    [LibraryImport(C, EntryPoint = "utimensat"), SuppressGCTransition] public static partial int Utimensat(int dirfd, byte* path, void* times, int flags);
    [LibraryImport(C, EntryPoint = "opendir"), SuppressGCTransition] public static partial nint Opendir(byte* path);
    [LibraryImport(C, EntryPoint = "readdir"), SuppressGCTransition] public static partial nint Readdir(nint dir);
    [LibraryImport(C, EntryPoint = "closedir"), SuppressGCTransition] public static partial int Closedir(nint dir);

    /// <summary>0 when the call succeeded, else errno, read directly (<see cref="Marshal.GetLastSystemError"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Check(long ret) => ret < 0 ? Marshal.GetLastSystemError() : 0;

    /// <summary>open(O_CREAT|O_EXCL) + close: 0 or errno.</summary>
    public static int CreateFile(byte* path, uint mode)
    {
        int fd = Open(path, Native.O_CREAT | Native.O_EXCL | Native.O_WRONLY | Native.O_CLOEXEC, mode);
        if (fd < 0) return Marshal.GetLastSystemError();
        Close(fd);
        return 0;
    }

    /// <summary>open + close: 0 or errno.</summary>
    public static int OpenClose(byte* path, int flags)
    {
        int fd = Open(path, flags | Native.O_CLOEXEC, 0);
        if (fd < 0) return Marshal.GetLastSystemError();
        Close(fd);
        return 0;
    }

    /// <summary>opendir, readdir to the end, closedir: 0, or the errno of the first call that failed.</summary>
    public static int ListToEnd(byte* path)
    {
        nint dir = Opendir(path);
        if (dir == 0) return Marshal.GetLastSystemError();
        int errno;
        while (true)
        {
            Marshal.SetLastSystemError(0);
            if (Readdir(dir) != 0) continue;
            errno = Marshal.GetLastSystemError();   // NULL with errno 0 is the end of the directory
            break;
        }
        Closedir(dir);
        return errno;
    }

    /// <summary>lsetxattr: 0 or errno.</summary>
    public static int SetXattr(byte* path, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        fixed (byte* n = name)
        fixed (byte* v = value)
            return Check(SetXattr(path, n, v, (nuint)value.Length, 0));
    }
}
