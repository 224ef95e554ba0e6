using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using FsBench.Protocol.Trace;

namespace FsBench.Probe.Replay;

/// <summary>
/// Performs one trace call in the replay's workspace, through libc: 0 on success, otherwise errno. Paths are the trace's,
/// under the workspace; handles map to the descriptors this replay opened (a handle whose open failed gives EBADF).
/// Writes write zeros of the recorded size; reads read the recorded size.
/// </summary>
public sealed unsafe class CallExecutor(string workspace)
{
    private static readonly bool Arm64 = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
    private readonly ConcurrentDictionary<int, int> _fds = new();

    public string PathOf(string? rel) => rel is null or "." ? workspace : $"{workspace}/{rel}";

    /// <summary>The buffer a lane reads into and writes from; grown to the largest size it needs.</summary>
    public sealed class Buffer
    {
        public byte[] Bytes = new byte[65536];
        public byte[] For(long size)
        {
            if (size > Bytes.Length) Bytes = new byte[Math.Min(size, 64L << 20)];
            return Bytes;
        }
    }

    public int Run(TraceCall c, Buffer buf)
    {
        string p = PathOf(c.Path);
        switch (c.Op)
        {
            case TraceOps.Open:
            {
                int fd = Native.Open(p, OpenFlags.Native(c.Flags ?? "RDONLY", Arm64), c.Mode ?? 0);
                if (fd < 0) return Native.Errno;
                if (c.Handle is { } h) _fds[h] = fd; else Native.Close(fd);
                return 0;
            }
            case TraceOps.Close:
                return c.Handle is { } ch && _fds.TryRemove(ch, out int cfd) ? Native.Check(Native.Close(cfd)) : Ebadf;
            case TraceOps.Stat: return Statx(p, 0);
            case TraceOps.Lstat: return Statx(p, Native.AT_SYMLINK_NOFOLLOW);
            case TraceOps.Fstat:
            {
                if (!Fd(c, out int fd)) return Ebadf;
                StatxBuf b;
                return Native.Check(Native.Statx(fd, "", Native.AT_EMPTY_PATH, Native.STATX_BASIC_STATS, &b));
            }
            case TraceOps.Access: return Native.Check(Native.Access(p, (int)(c.Mode ?? 0)));
            case TraceOps.Readlink:
            {
                byte* b = stackalloc byte[4096];
                return Native.Check(Native.Readlink(p, b, 4096));
            }
            case TraceOps.Mkdir: return Native.Check(Native.Mkdir(p, c.Mode ?? 0x1ff));
            case TraceOps.Rmdir: return Native.Check(Native.Rmdir(p));
            case TraceOps.Unlink: return Native.Check(Native.Unlink(p));
            case TraceOps.Rename: return Native.Check(Native.Rename(p, PathOf(c.Path2)));
            case TraceOps.Link: return Native.Check(Native.Link(p, PathOf(c.Path2)));
            case TraceOps.Symlink: return Native.Check(Native.Symlink(c.Path2 ?? "", p));
            case TraceOps.Chmod: return Native.Check(Native.Chmod(p, c.Mode ?? 0x1a4));
            case TraceOps.Fchmod: return Fd(c, out int mfd) ? Native.Check(Native.Fchmod(mfd, c.Mode ?? 0x1a4)) : Ebadf;
            case TraceOps.Utimens:
                return Native.Check(Native.Utimensat(Native.AT_FDCWD, p, null, c.Flags == "NOFOLLOW" ? Native.AT_SYMLINK_NOFOLLOW : 0));
            case TraceOps.Read:
            {
                if (!Fd(c, out int fd)) return Ebadf;
                long size = Math.Max(1, c.Size ?? 0);
                fixed (byte* b = buf.For(size)) return Native.Check(Native.Read(fd, b, (nuint)Math.Min(size, buf.Bytes.Length)));
            }
            case TraceOps.Write:
            {
                if (!Fd(c, out int fd)) return Ebadf;
                long size = c.Size ?? 0;
                var bytes = buf.For(size);
                fixed (byte* b = bytes) return Native.Check(Native.Write(fd, b, (nuint)Math.Min(size, bytes.Length)));
            }
            case TraceOps.Getdents:
            {
                if (!Fd(c, out int fd)) return Ebadf;
                fixed (byte* b = buf.For(32768)) return Native.Check(Native.Getdents64(fd, b, 32768));
            }
            case TraceOps.Truncate: return Native.Check(Native.Truncate(p, c.Size ?? 0));
            case TraceOps.Ftruncate: return Fd(c, out int tfd) ? Native.Check(Native.Ftruncate(tfd, c.Size ?? 0)) : Ebadf;
            case TraceOps.Fsync: return Fd(c, out int sfd) ? Native.Check(Native.Fsync(sfd)) : Ebadf;
            default: return Einval;
        }
    }

    /// <summary>Closes what the trace left open (untimed: a descriptor a process held until it exited).</summary>
    public void CloseAll()
    {
        foreach (var h in _fds.Keys.ToList())
            if (_fds.TryRemove(h, out int fd)) Native.Close(fd);
    }

    private const int Ebadf = 9, Einval = 22;

    private bool Fd(TraceCall c, out int fd)
    {
        fd = -1;
        return c.Handle is { } h && _fds.TryGetValue(h, out fd);
    }

    private static int Statx(string p, int flags)
    {
        StatxBuf b;
        return Native.Check(Native.Statx(Native.AT_FDCWD, p, flags, Native.STATX_BASIC_STATS, &b));
    }
}
