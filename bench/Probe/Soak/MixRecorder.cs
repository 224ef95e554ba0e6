using FsBench.Probe.Recording;
using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Probe.Soak;

/// <summary>One worker's record of one soak window: latency histogram, stalls, errno counts, counts per action.</summary>
public sealed class MixRecorder(int actions, long stallNs)
{
    public LongHistogram Histogram { get; } = new(OpRecorder.HighestTrackableNs, 3);
    public long[] Errnos { get; } = new long[256];
    public long[] OpsByAction { get; } = new long[actions];
    public long[] FailuresByAction { get; } = new long[actions];
    public List<FailureRecord> FirstFailures { get; } = [];
    public long Stalls { get; private set; }

    public void Record(int action, string actionName, int errno, long latencyNs, string path, long tNs)
    {
        OpsByAction[action]++;
        if (errno == 0)
        {
            Histogram.RecordValue(Math.Clamp(latencyNs, 1, OpRecorder.HighestTrackableNs));
            if (latencyNs > stallNs) Stalls++;
            return;
        }
        FailuresByAction[action]++;
        Errnos[Math.Clamp(errno, 0, Errnos.Length - 1)]++;
        if (FirstFailures.Count < OpRecorder.FirstFailuresKept)
            FirstFailures.Add(new FailureRecord { Op = actionName, Path = path, Errno = errno, ErrnoName = ErrnoNames.Name(errno), TNs = tNs });
    }
}
