using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;

namespace Analysis.Statistics;

/// <summary>
/// A latency quantile of a case with a 95% interval that includes launch-to-launch variation: the hull of (1) the
/// distribution-free order-statistic interval over all measured operations and (2) the t interval over the
/// per-launch estimates (log scale), when there are at least two launches that each support the quantile.
/// Not estimable (NaN bounds) when the pooled sample cannot support the quantile.
/// </summary>
public static class QuantileInterval
{
    public const string Method =
        "quantile: Hyndman-Fan type 7 (Perfolizer SimpleQuantileEstimator) over all measured operations, warmup batches excluded; " +
        "95% interval: the hull of the distribution-free order-statistic interval (binomial ranks) and a Student t interval over " +
        "the per-launch estimates on the log scale (launch-to-launch variation); \"not estimable\" when the sample has too few " +
        "values beyond the quantile for an order-statistic bound";

    public static double Quantile(IReadOnlyList<double> values, double p) =>
        SimpleQuantileEstimator.Instance.Quantile(new Sample(values.ToArray()), p);

    /// <summary>Whether one launch's values can give an estimate of the quantile: at least one value on each side of it.</summary>
    public static bool Supports(int n, double p) => n * Math.Min(p, 1 - p) >= 1;

    public static Estimate Of(LaunchData data, double p)
    {
        if (data.Pooled.Length < 2) return new Estimate(double.NaN, double.NaN, double.NaN);
        double point = Quantile(data.Pooled, p);
        if (OrderStatisticInterval.Of(data.Pooled, p) is not var (lower, upper)) return new Estimate(point, double.NaN, double.NaN);
        if (data.Launches.Count >= 2 && data.Launches.All(l => Supports(l.Length, p))
            && LaunchInterval.Of(data.Launches.Select(l => Math.Log(Quantile(l, p))).ToList()) is var (lo, hi))
        {
            lower = Math.Min(lower, Math.Exp(lo));
            upper = Math.Max(upper, Math.Exp(hi));
        }
        return new Estimate(point, lower, upper);
    }
}
