using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Probe.Recording;

/// <summary>Merges the workers' recorders of one batch into the reply the host receives.</summary>
public static class BatchMerge
{
    public static BatchResult Merge(string op, string layout, IReadOnlyList<OpRecorder> workers, IReadOnlyList<PrepTally> preps, long wallNs, int sampleCap)
    {
        var histogram = new LongHistogram(OpRecorder.HighestTrackableNs, 3);
        var errnos = new Dictionary<string, long>();
        var first = new List<FailureRecord>();
        var samples = new List<long>();
        long successes = 0, failures = 0;
        foreach (var w in workers)
        {
            histogram.Add(w.Histogram);
            successes += w.Successes;
            failures += w.Failures;
            for (int e = 0; e < w.Errnos.Length; e++)
                if (w.Errnos[e] > 0) errnos[ErrnoNames.Name(e)] = errnos.GetValueOrDefault(ErrnoNames.Name(e)) + w.Errnos[e];
            first.AddRange(w.FirstFailures);
            samples.AddRange(w.Sample.ToArray());
        }
        var prepErrnos = new Dictionary<string, long>();
        long prepFailures = 0;
        var prepFirst = new List<FailureRecord>();
        foreach (var p in preps)
        {
            prepFailures += p.Failures;
            for (int e = 0; e < p.Errnos.Length; e++)
                if (p.Errnos[e] > 0)
                {
                    string name = e == 0 ? "exception" : ErrnoNames.Name(e);
                    prepErrnos[name] = prepErrnos.GetValueOrDefault(name) + p.Errnos[e];
                }
            prepFirst.AddRange(p.FirstFailures);
        }
        first.Sort((a, b) => a.TNs.CompareTo(b.TNs));
        // the preparation's failures first (they explain the timed ones), within the same bound
        first = prepFirst.Take(OpRecorder.FirstFailuresKept / 2).Concat(first).ToList();
        return new BatchResult
        {
            Op = op,
            Workers = workers.Count,
            Layout = layout,
            Ops = successes + failures,
            Failures = failures,
            WallNs = wallNs,
            P50Ns = histogram.TotalCount > 0 ? histogram.GetValueAtPercentile(50) : 0,
            MaxNs = histogram.TotalCount > 0 ? histogram.GetMaxValue() : 0,
            PrepFailures = prepFailures,
            PrepErrnos = prepErrnos,
            Errnos = errnos,
            FirstFailures = first.Take(OpRecorder.FirstFailuresKept).ToList(),
            Histogram = HistogramCodec.Encode(histogram),
            SamplesNs = Thin(samples, sampleCap),
        };
    }

    /// <summary>Each worker's reservoir is uniform over its own ops; keep an evenly spread subset of their union.</summary>
    private static long[] Thin(List<long> samples, int cap)
    {
        if (samples.Count <= cap) return samples.ToArray();
        var result = new long[cap];
        double step = samples.Count / (double)cap;
        for (int i = 0; i < cap; i++) result[i] = samples[(int)(i * step)];
        return result;
    }
}
