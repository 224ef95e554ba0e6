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
    private readonly long[] _latency = new long[count];
    private readonly long[] _end = new long[count];
    private readonly int[] _errno = new int[count];

    public void Run(IOperation op, WorkerContext w)
    {
        long[] latency = _latency, end = _end;
        int[] errno = _errno;
        int n = Math.Min(w.Count, latency.Length);
        for (int i = 0; i < n; i++)
        {
            long before = Stopwatch.GetTimestamp();
            int e = op.Run(w, i);
            long after = Stopwatch.GetTimestamp();
            latency[i] = after - before;
            end[i] = after;
            errno[i] = e;
        }
    }

    /// <summary>Every operation into the recorder: a success's latency, or a failure with its path and time since <paramref name="t0"/>.</summary>
    public void Record(WorkerContext w, OpRecorder rec, long t0, Func<string, string> relative)
    {
        int n = Math.Min(w.Count, _latency.Length);
        for (int i = 0; i < n; i++)
        {
            if (_errno[i] == 0) rec.Success(Ns(_latency[i]));
            else rec.Failure(_errno[i], relative(w.PathOf(i)), Ns(_end[i] - t0));
        }
    }

    public static long Ns(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
