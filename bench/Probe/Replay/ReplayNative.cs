using System.Runtime.InteropServices;

namespace FsBench.Probe.Libc;

/// <summary>The further libc calls a workload trace replays (bench/Probe/Replay).</summary>
internal static unsafe partial class Native
{
    public const int AT_EMPTY_PATH = 0x1000;

    [LibraryImport(C, EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Access(string path, int mode);

    [LibraryImport(C, EntryPoint = "readlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Readlink(string path, byte* buf, nuint size);

    [LibraryImport(C, EntryPoint = "fchmod", SetLastError = true)]
    public static partial int Fchmod(int fd, uint mode);

    [LibraryImport(C, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buf, nuint count);

    [LibraryImport(C, EntryPoint = "getdents64", SetLastError = true)]
    public static partial nint Getdents64(int fd, byte* buf, nuint count);

    [LibraryImport(C, EntryPoint = "truncate", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Truncate(string path, long length);

    [LibraryImport(C, EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    [LibraryImport(C, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);
}
