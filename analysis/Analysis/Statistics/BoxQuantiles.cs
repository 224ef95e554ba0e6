using Perfolizer.Horology;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace Analysis.Statistics;

/// <summary>
/// The quantiles a box plot draws, Harrell-Davis estimates over the probe's sample (ns): whiskers p5 and p95,
/// box p25–p75, median p50.
/// </summary>
public sealed record BoxQuantiles(double P5, double P25, double P50, double P75, double P95)
{
    public const string WhiskerLabel = "whiskers p5–p95, box p25–p75, line p50 (Harrell-Davis)";

    /// <summary>Null when there are fewer than two samples.</summary>
    public static BoxQuantiles? Of(IReadOnlyList<double> samplesNs)
    {
        if (samplesNs.Count < 2) return null;
        var sample = new Sample(samplesNs, TimeUnit.Nanosecond);
        double Q(double p) => HarrellDavisQuantileEstimator.Instance.Quantile(sample, p);
        return new BoxQuantiles(Q(0.05), Q(0.25), Q(0.5), Q(0.75), Q(0.95));
    }
}
