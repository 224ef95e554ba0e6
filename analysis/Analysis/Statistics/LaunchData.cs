using FsBench.Protocol;
using HdrHistogram;

namespace Analysis.Statistics;

/// <summary>
/// A case's measured latencies (ns, sorted) per launch, warmup batches excluded, with each launch's repetition
/// index. Runs recorded before launches existed give one launch: their reservoir sample, warmup included (flagged
/// <see cref="Legacy"/>).
/// </summary>
public sealed class LaunchData
{
    public IReadOnlyList<double[]> Launches { get; }
    public IReadOnlyList<int> Repetitions { get; }
    public double[] Pooled { get; }
    public bool Legacy { get; }

    public LaunchData(IReadOnlyList<double[]> launches, IReadOnlyList<int>? repetitions = null, bool legacy = false)
    {
        Launches = launches.Select(l => l.Order().ToArray()).ToList();
        Repetitions = repetitions ?? Enumerable.Range(0, launches.Count).ToList();
        Pooled = Launches.SelectMany(l => l).Order().ToArray();
        Legacy = legacy;
    }

    public static LaunchData Of(ProbeCase probe)
    {
        if (probe.Launches.Count == 0) return new LaunchData([probe.SamplesNs], [0], legacy: true);
        var launches = probe.Launches.Where(l => !string.IsNullOrEmpty(l.Histogram)).ToList();
        return new LaunchData(launches.Select(l => Expand(HistogramCodec.Decode(l.Histogram))).ToList(), launches.Select(l => l.Repetition).ToList());
    }

    /// <summary>The histogram's values, each recorded value repeated by its count (at the middle of its bucket).</summary>
    public static double[] Expand(HistogramBase h)
    {
        var values = new List<double>((int)Math.Min(h.TotalCount, 10_000_000));
        foreach (var v in h.RecordedValues())
        {
            double value = Math.Max(1, h.MedianEquivalentValue(v.ValueIteratedTo));
            for (long i = 0; i < v.CountAtValueIteratedTo; i++) values.Add(value);
        }
        return values.ToArray();
    }
}
