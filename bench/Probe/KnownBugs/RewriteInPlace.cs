namespace FsBench.Probe.KnownBugs;

/// <summary>
/// Rewrite a file in place twice (open O_WRONLY|O_TRUNC, write), then read its size and contents: the size is the last
/// write's and the bytes are its data. Docker Sandboxes (libkrun) reported files fully sparse, reading as zeros, after
/// in-place rewrites, 100% with the cache on (docker/sbx-releases#526).
/// </summary>
public sealed unsafe class RewriteInPlace() : KnownBugProbe("rewrite_in_place",
    "after two in-place rewrites (O_TRUNC) of 4096 then 3000 bytes: stat size 3000, the bytes read are the second write's (sbx-releases#526)")
{
    public override string? Check(string dir)
    {
        string f = $"{dir}/r";
        if (Rewrite(f, 4096, 0x41, create: true) is { } e1) return e1;
        if (Rewrite(f, 3000, 0x42, create: false) is { } e2) return e2;
        var st = Observe.Stat(f, out var err);
        if (st is null) return $"stat: {err}";
        if (st.Value.Size != 3000) return $"size {st.Value.Size} after the rewrites, expected 3000 (stale size)";
        int fd = Native.Open(f, Native.O_RDONLY | Native.O_CLOEXEC, 0);
        if (fd < 0) return $"open to read: {Observe.Err()}";
        try
        {
            byte[] buf = new byte[8192];
            nint n;
            fixed (byte* p = buf) n = Native.Read(fd, p, (nuint)buf.Length);
            if (n < 0) return $"read: {Observe.Err()}";
            if (n != 3000) return $"read {n} bytes, expected 3000";
            if (buf.AsSpan(0, 3000).ContainsAnyExcept((byte)0x42))
                return buf.AsSpan(0, 3000).IndexOfAnyExcept((byte)0) < 0 ? "read zeros (a sparse file)" : "read other bytes than the last write's";
            return null;
        }
        finally { Native.Close(fd); }
    }

    private static string? Rewrite(string path, int size, byte value, bool create)
    {
        int flags = Native.O_WRONLY | Native.O_TRUNC | Native.O_CLOEXEC | (create ? Native.O_CREAT : 0);
        int fd = Native.Open(path, flags, 0x1a4);
        if (fd < 0) return $"open for rewrite: {Observe.Err()}";
        try
        {
            byte[] data = new byte[size];
            Array.Fill(data, value);
            fixed (byte* p = data)
                if (Native.Write(fd, p, (nuint)size) != size) return $"write {size}: {Observe.Err()}";
            return null;
        }
        finally { Native.Close(fd); }
    }
}
