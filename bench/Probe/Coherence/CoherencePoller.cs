using System.Diagnostics;
using System.Text;
using FsBench.Probe.Libc;
using FsBench.Probe.Session;
using FsBench.Protocol;

namespace FsBench.Probe.Coherence;

/// <summary>
/// "coherence": polls paths in the share until each shows the state the host says it now has (present with a size and
/// first bytes, or absent), and reports per trial how long the guest showed another state, how many polls did, and every
/// unexpected errno. It only reads (statx, open, read); the host makes every change, directly in the share.
/// </summary>
public sealed unsafe class CoherencePoller(ScratchRoot scratch)
{
    public CoherenceReply Run(ProbeRequest req)
    {
        long t0 = Stopwatch.GetTimestamp();
        var c = req.Coherence ?? throw new ProbeException("coherence: no 'coherence' section (trials, limit_ms)");
        if (c.Trials.Count == 0 || c.Trials.Any(t => t.Checks.Count == 0)) throw new ProbeException("coherence: no trials, or a trial without checks");
        if (c.LimitMs < 0 || c.IntervalMs < 0 || c.ConfirmPolls < 0) throw new ProbeException("coherence: limit_ms, interval_ms and confirm_polls must be >= 0");
        string dir = scratch.Resolve(req.Dir);
        var paths = c.Trials.Select(t => t.Checks.Select(k => Path.GetFullPath(Path.Combine(dir, k.Path))).ToArray()).ToArray();
        if (paths.SelectMany(p => p).FirstOrDefault(p => !scratch.IsInside(p)) is { } outside)
            throw new ProbeException($"coherence: path {outside} lies outside the scratch root");

        var results = c.Trials.Select(_ => new CoherenceResult()).ToArray();
        var confirmLeft = c.Trials.Select(_ => c.ConfirmPolls).ToArray();
        var done = new bool[c.Trials.Count];
        long limitTicks = c.LimitMs * Stopwatch.Frequency / 1000;
        while (done.Contains(false))
        {
            for (int t = 0; t < results.Length; t++)
            {
                if (done[t]) continue;
                var r = results[t];
                var seen = new string[paths[t].Length];
                bool fresh = true;
                for (int i = 0; i < seen.Length; i++)
                    fresh &= Matches(paths[t][i], c.Trials[t].Checks[i], r.Errnos, out seen[i]);
                long end = Stopwatch.GetTimestamp() - t0;
                r.Polls++;
                if (r.Polls == 1) r.FirstSeen = [.. seen];
                r.LastSeen = [.. seen];
                if (r.SeenNs < 0)
                {
                    if (fresh) r.SeenNs = Ns(end);
                    else { r.StalePolls++; r.StaleNs = Ns(end); }
                    if (!fresh && end >= limitTicks) done[t] = true;
                }
                else
                {
                    if (!fresh) r.Reverted++;
                    confirmLeft[t]--;
                }
                if (r.SeenNs >= 0 && confirmLeft[t] <= 0) done[t] = true;
            }
            if (c.IntervalMs > 0 && done.Contains(false)) Thread.Sleep(c.IntervalMs);
        }
        foreach (var r in results) r.Observed = r.SeenNs >= 0;
        return new CoherenceReply { Results = [.. results] };
    }

    /// <summary>Whether the path shows the check's state; what it showed goes to <paramref name="shown"/>, unexpected errnos to the counts.</summary>
    private static bool Matches(string path, CoherenceCheck check, Dictionary<string, long> errnos, out string shown)
    {
        StatxBuf b;
        if (Native.Statx(Native.AT_FDCWD, path, Native.AT_SYMLINK_NOFOLLOW, Native.STATX_BASIC_STATS, &b) != 0)
        {
            int e = Native.Errno;
            if (e == ENOENT && (!check.ExistedBefore || !check.Exists)) { shown = "absent"; return !check.Exists; }
            shown = $"stat {ErrnoNames.Name(e)}";
            Count(errnos, "stat", e);
            return false;
        }
        shown = $"size {b.Size}";
        if (!check.Exists || (long)b.Size != check.Size) return false;
        byte[] want = Encoding.ASCII.GetBytes(check.Head);
        if (want.Length == 0) return true;
        int fd = Native.Open(path, Native.O_RDONLY | Native.O_CLOEXEC, 0);
        if (fd < 0)
        {
            int e = Native.Errno;
            shown += $", open {ErrnoNames.Name(e)}";
            if (!(e == ENOENT && !check.ExistedBefore)) Count(errnos, "open", e);
            return false;
        }
        try
        {
            byte[] got = new byte[want.Length];
            nint n;
            fixed (byte* p = got) n = Native.Read(fd, p, (nuint)got.Length);
            if (n < 0)
            {
                int e = Native.Errno;
                shown += $", read {ErrnoNames.Name(e)}";
                Count(errnos, "read", e);
                return false;
            }
            if (n != want.Length || !got.AsSpan().SequenceEqual(want)) { shown += ", head differs"; return false; }
            return true;
        }
        finally { Native.Close(fd); }
    }

    private const int ENOENT = 2;

    private static void Count(Dictionary<string, long> errnos, string call, int errno)
    {
        string key = $"{call}:{ErrnoNames.Name(errno)}";
        errnos[key] = errnos.GetValueOrDefault(key) + 1;
    }

    private static long Ns(long ticks) => (long)(ticks * (1e9 / Stopwatch.Frequency));
}
