using FsBench.Probe.Libc;

namespace FsBench.Probe.Ops;

/// <summary>Untimed helpers the operations use to set up and tear down their fixtures.</summary>
internal static unsafe class Fs
{
    public static int CreateFile(string path, uint mode = 0x1a4 /*0644*/)
    {
        int fd = Native.Open(path, Native.O_CREAT | Native.O_EXCL | Native.O_WRONLY | Native.O_CLOEXEC, mode);
        if (fd < 0) return Native.Errno;
        Native.Close(fd);
        return 0;
    }

    public static int OpenClose(string path, int flags, uint mode = 0)
    {
        int fd = Native.Open(path, flags | Native.O_CLOEXEC, mode);
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
        if (d == 0) return Native.Errno;
        int errno;
        while (true)
        {
            System.Runtime.InteropServices.Marshal.SetLastPInvokeError(0);
            if (Native.Readdir(d) != 0) continue;
            errno = Native.Errno;   // NULL with errno 0 is the end of the directory
            break;
        }
        Native.Closedir(d);
        return errno;
    }

    public static void UnlinkAll(string[] paths) { foreach (var p in paths) Native.Unlink(p); }
    public static void RmdirAll(string[] paths) { foreach (var p in paths) Native.Rmdir(p); }
    public static void CreateAll(string[] paths) { foreach (var p in paths) CreateFile(p); }
}
