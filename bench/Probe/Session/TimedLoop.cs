using System.Diagnostics;
using FsBench.Probe.Recording;

namespace FsBench.Probe.Session;

/// <summary>
/// One worker's timed loop: each operation between two monotonic-clock reads, its latency, end time and errno
/// stored in buffers allocated before the loop. Nothing else happens inside it: the histogram, the sample and
/// the failure reports are made from the buffers afterwards (<see cref="Record"/>), outside the batch's wall time.
/// </summary>
public sealed class TimedLoop(int count)
{
    /// <summary>What the loop stores of one operation, side by side: one cache line and page touched per operation, not three.</summary>
    private struct Timed
    {
        public long Latency, End;
        public int Errno;
    }

    private readonly Timed[] _timed = Touched(new Timed[count]);
    private int _ran;

    /// <summary>
    /// Written once before the loop: a large array comes from the OS untouched, and its first write in each page would be a
    /// page fault inside the timed loop (one per 170 operations: expensive in a virtual machine).
    /// </summary>
    private static Timed[] Touched(Timed[] timed)
    {
        Array.Fill(timed, new Timed { Errno = -1 });
        return timed;
    }

    public void Run(IOperation op, WorkerContext w)
    {
        var timed = _timed;
        int n = Math.Min(w.Count, timed.Length);
        for (int i = 0; i < n; i++)
        {
            long before = Stopwatch.GetTimestamp();
            int e = op.Run(w, i);
            long after = Stopwatch.GetTimestamp();
            ref var t = ref timed[i];
            t.Latency = after - before;
            t.End = after;
            t.Errno = e;
        }
        _ran = n;
    }

    /// <summary>
    /// The monotonic ticks from the start of the first operation the loop ran to the end of its last, from its own records
    /// (no clock read of another thread, which may run late on a busy CPU); null when it ran none.
    /// </summary>
    public (long Start, long End)? Span => _ran == 0 ? null : (_timed[0].End - _timed[0].Latency, _timed[_ran - 1].End);

    /// <summary>A batch's wall time: from the first operation's start on any worker to the last one's end, in ticks (0: none ran).</summary>
    public static long WallTicks(IEnumerable<TimedLoop?> loops)
    {
        var spans = loops.Select(l => l?.Span).OfType<(long Start, long End)>().ToList();
        return spans.Count == 0 ? 0 : spans.Max(s => s.End) - spans.Min(s => s.Start);
    }

    /// <summary>Every operation into the recorder: a success's latency, or a failure with its path and time since <paramref name="t0"/>.</summary>
    public void Record(WorkerContext w, OpRecorder rec, long t0, Func<string, string> relative)
    {
        for (int i = 0; i < _ran; i++)
        {
            ref readonly var t = ref _timed[i];
            if (t.Errno == 0) rec.Success(Ns(t.Latency));
            else rec.Failure(t.Errno, relative(w.PathOf(i)), Ns(t.End - t0));
        }
    }

    public static long Ns(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
