namespace Analysis.Statistics;

/// <summary>
/// p50, p99 and p99.9 of a case's measured latencies (ns), each with its 95% interval (<see cref="QuantileInterval"/>:
/// order statistics and launch-to-launch variation), and the sample's modality.
/// </summary>
public sealed record LatencySummary(int SampleSize, Estimate P50, Estimate P99, Estimate P999, double MValue, int Launches = 1)
{
    public bool IsMultimodal => Modality.IsMultimodal(MValue);

    /// <summary>One launch of samples (a run recorded before launches existed).</summary>
    public static LatencySummary? Of(IReadOnlyList<double> samplesNs) => Of(new LaunchData([samplesNs.ToArray()], legacy: true));

    /// <summary>Null when there are fewer than two samples (no interval can be formed).</summary>
    public static LatencySummary? Of(LaunchData data)
    {
        if (data.Pooled.Length < 2) return null;
        return new LatencySummary(data.Pooled.Length,
            QuantileInterval.Of(data, 0.5), QuantileInterval.Of(data, 0.99), QuantileInterval.Of(data, 0.999),
            Modality.MValue(RatioEstimator.Thin(data.Pooled)), data.Launches.Count);
    }
}
