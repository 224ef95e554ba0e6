namespace Analysis.Statistics;

/// <summary>
/// A case's latency ratio to a reference case of the same run (candidate / reference, of a quantile, p50 by default).
/// With launches: one ratio per repetition, the two cases paired by repetition (measured back to back, so drift of
/// the machine cancels), combined as a geometric mean with Student t intervals over the per-repetition log ratios.
/// Runs with one launch fall back to the Hodges-Lehmann ratio with its Moses interval (operations as the unit:
/// launch-to-launch variation is not in it).
/// </summary>
public sealed record LaunchRatio(Estimate Ratio, Estimate? Ratio90, IReadOnlyList<double> LogRatios, double LogSe, double Df, bool WithinLaunchOnly)
{
    /// <summary>
    /// Where another run with as many repetitions should find its ratio: the 95% prediction interval exp(mean ± t·√2·se).
    /// The difference of two runs' means has the variance of both (2·se²), so a confidence interval, which holds the true
    /// ratio, holds the next run's estimate less often (90.7% over three repetitions, 83.4% over many). Null for runs with one launch.
    /// </summary>
    public Estimate? NextRun { get; init; }

    public const string NextRunMethod =
        "next-run interval: exp(mean ± t(L−1)·√2·se) on the log ratios, the 95% prediction interval for the estimate of another run " +
        "with as many repetitions (L) when runs differ by launch-to-launch noise only";

    public const string Method =
        "ratio of p50s per repetition (the two cases were measured back to back in it), geometric mean over repetitions with a " +
        "Student t 95% interval on the log ratios (launch-to-launch variation); runs with one launch: Hodges-Lehmann ratio with " +
        "its Moses interval over operations (within one launch only)";

    public double LogValue => Math.Log(Ratio.Value);

    public static LaunchRatio? Of(LaunchData candidate, LaunchData reference, double p = 0.5)
    {
        var pairs = candidate.Repetitions.Select((r, i) => (r, i))
            .Join(reference.Repetitions.Select((r, j) => (r, j)), a => a.r, b => b.r, (a, b) => (C: candidate.Launches[a.i], R: reference.Launches[b.j]))
            .Where(x => QuantileInterval.Supports(x.C.Length, p) && QuantileInterval.Supports(x.R.Length, p))
            .ToList();
        if (pairs.Count >= 2)
        {
            var logs = pairs.Select(x => Math.Log(QuantileInterval.Quantile(x.C, p)) - Math.Log(QuantileInterval.Quantile(x.R, p))).ToList();
            var (mean, se, df) = LaunchInterval.Moments(logs)!.Value;
            return new LaunchRatio(Exp(mean, se, df, 0.95), Exp(mean, se, df, 0.90), logs, se, df, WithinLaunchOnly: false)
            {
                NextRun = Exp(mean, Math.Sqrt(2) * se, df, 0.95),
            };
        }
        if (RatioEstimator.Of(candidate.Pooled, reference.Pooled) is not { } hl) return null;
        // The Moses interval as a normal one on the log scale: se from its half-width.
        double logSe = (Math.Log(hl.Upper) - Math.Log(hl.Lower)) / (2 * 1.959964);
        return new LaunchRatio(hl, null, [Math.Log(hl.Value)], logSe, double.PositiveInfinity, WithinLaunchOnly: true);
    }

    private static Estimate Exp(double mean, double se, double df, double level)
    {
        double t = LaunchInterval.TQuantile(df, 1 - (1 - level) / 2);
        return new Estimate(Math.Exp(mean), Math.Exp(mean - t * se), Math.Exp(mean + t * se));
    }
}
