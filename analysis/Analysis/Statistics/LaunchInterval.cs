using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace Analysis.Statistics;

/// <summary>
/// The Student t interval over per-launch estimates (on the log scale): each launch's estimate already carries the
/// batch-to-batch and operation-level noise of that launch, and their spread adds launch-to-launch variation, so the
/// interval is over the unit that repeats. Exact when the per-launch log estimates are normal, with L−1 degrees of
/// freedom (wide with 2 or 3 launches, honestly so).
/// </summary>
public static class LaunchInterval
{
    /// <summary>Mean and standard error of the values, or null with fewer than two.</summary>
    public static (double Mean, double Se, int Df)? Moments(IReadOnlyList<double> values)
    {
        if (values.Count < 2 || values.Any(v => !double.IsFinite(v))) return null;
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(variance / values.Count), values.Count - 1);
    }

    public static double TQuantile(double df, double p) =>
        double.IsPositiveInfinity(df) || df > 1e6 ? NormalDistribution.Standard.Quantile(p) : new StudentDistribution(df).Quantile(p);

    /// <summary>The two-sided interval [mean ± t·se] at <paramref name="level"/>, or null with fewer than two values.</summary>
    public static (double Lower, double Upper)? Of(IReadOnlyList<double> values, double level = 0.95)
    {
        if (Moments(values) is not var (mean, se, df)) return null;
        double t = TQuantile(df, 1 - (1 - level) / 2);
        return (mean - t * se, mean + t * se);
    }
}
