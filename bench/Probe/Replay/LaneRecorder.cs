using FsBench.Probe.Recording;
using FsBench.Protocol;
using FsBench.Protocol.Trace;
using HdrHistogram;

namespace FsBench.Probe.Replay;

/// <summary>What one lane's calls did: per op a latency histogram, counts, failures; errnos; the first failures.</summary>
public sealed class LaneRecorder
{
    public sealed class OpTally
    {
        public readonly LongHistogram Histogram = new(OpRecorder.HighestTrackableNs, 3);
        public long Count, Failures, SumNs;
    }

    public Dictionary<string, OpTally> PerOp { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Errnos { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> FailuresByErrno { get; } = new(StringComparer.Ordinal);
    public List<FailureRecord> FirstFailures { get; } = [];

    /// <summary>One call: its latency, the errno it got (0: success), and whether that differs from the recording.</summary>
    public void Record(TraceCall c, int errno, long ns, long tNs)
    {
        if (!PerOp.TryGetValue(c.Op, out var t)) PerOp[c.Op] = t = new OpTally();
        t.Count++;
        t.SumNs += ns;
        t.Histogram.RecordValue(Math.Clamp(ns, 1, OpRecorder.HighestTrackableNs));
        string got = errno == 0 ? "0" : ErrnoNames.Name(errno);
        if (errno != 0) Errnos[got] = Errnos.GetValueOrDefault(got) + 1;
        if (got == c.Result) return;
        t.Failures++;
        string key = errno == 0 ? "OK" : got;
        FailuresByErrno[key] = FailuresByErrno.GetValueOrDefault(key) + 1;
        if (FirstFailures.Count < OpRecorder.FirstFailuresKept)
            FirstFailures.Add(new FailureRecord
            {
                Op = c.Op, Path = c.Path2 is null ? c.Path ?? "" : $"{c.Path} -> {c.Path2}",
                Errno = errno, ErrnoName = $"{key} (recorded {c.Result})", TNs = tNs,
            });
    }
}
