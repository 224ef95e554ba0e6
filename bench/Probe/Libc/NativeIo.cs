using System.Runtime.InteropServices;

namespace FsBench.Probe.Libc;

/// <summary>The data calls the soak mix needs on top of the metadata calls (writing small files).</summary>
internal static unsafe partial class Native
{
    public const int O_TRUNC = 0x200;

    [LibraryImport(C, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buf, nuint count);
}
