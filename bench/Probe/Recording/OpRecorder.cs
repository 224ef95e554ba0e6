using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Probe.Recording;

/// <summary>
/// Records every operation of one worker: a success's latency goes into a lossless histogram and a
/// bounded uniform sample (reservoir); a failure is counted by errno, and the first few are kept in full.
/// One per worker, so the hot path takes no lock; recorders are merged after the batch.
/// </summary>
public sealed class OpRecorder(string op, int sampleCap, int seed)
{
    public const long HighestTrackableNs = 3_600_000_000_000L; // one hour
    public const int FirstFailuresKept = 8;

    private readonly Random _random = new(seed);
    public LongHistogram Histogram { get; } = new(HighestTrackableNs, 3);
    public long[] Errnos { get; } = new long[256];
    public List<FailureRecord> FirstFailures { get; } = [];
    public long[] Reservoir { get; } = new long[sampleCap];
    public long Successes { get; private set; }
    public long Failures { get; private set; }

    public void Success(long ns)
    {
        Histogram.RecordValue(Math.Clamp(ns, 1, HighestTrackableNs));
        long seen = Successes++;
        if (seen < Reservoir.Length) Reservoir[seen] = ns;
        else
        {
            long j = _random.NextInt64(seen + 1);
            if (j < Reservoir.Length) Reservoir[j] = ns;
        }
    }

    public void Failure(int errno, string path, long tNs)
    {
        Failures++;
        Errnos[Math.Clamp(errno, 0, Errnos.Length - 1)]++;
        if (FirstFailures.Count < FirstFailuresKept)
            FirstFailures.Add(new FailureRecord { Op = op, Path = path, Errno = errno, ErrnoName = ErrnoNames.Name(errno), TNs = tNs });
    }

    public ReadOnlySpan<long> Sample => Reservoir.AsSpan(0, (int)Math.Min(Successes, Reservoir.Length));
}
