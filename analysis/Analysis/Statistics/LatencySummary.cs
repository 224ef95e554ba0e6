using Perfolizer.Horology;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace Analysis.Statistics;

/// <summary>
/// Harrell-Davis p50, p99 and p99.9 of a latency sample (ns), each with its 95% Maritz-Jarrett interval,
/// and the sample's modality.
/// </summary>
public sealed record LatencySummary(int SampleSize, Estimate P50, Estimate P99, Estimate P999, double MValue)
{
    public bool IsMultimodal => Modality.IsMultimodal(MValue);

    /// <summary>Null when there are fewer than two samples (no interval can be formed).</summary>
    public static LatencySummary? Of(IReadOnlyList<double> samplesNs)
    {
        if (samplesNs.Count < 2) return null;
        var sample = new Sample(samplesNs, TimeUnit.Nanosecond);
        return new LatencySummary(samplesNs.Count,
            Quantile(sample, 0.5), Quantile(sample, 0.99), Quantile(sample, 0.999), Modality.MValue(samplesNs));
    }

    public static Estimate Quantile(Sample sample, double probability)
    {
        var ci = HarrellDavisQuantileEstimator.Instance
            .QuantileConfidenceIntervalEstimator(sample, probability)
            .ConfidenceInterval(ConfidenceLevel.L95);
        // Maritz-Jarrett gives NaN bounds when the values around the quantile are all equal: then so is the interval.
        double lower = double.IsNaN(ci.Lower) ? ci.Estimation : Math.Max(ci.Lower, sample.SortedValues[0]);
        double upper = double.IsNaN(ci.Upper) ? ci.Estimation : Math.Min(ci.Upper, sample.SortedValues[^1]);
        return new Estimate(ci.Estimation, lower, upper);
    }
}
