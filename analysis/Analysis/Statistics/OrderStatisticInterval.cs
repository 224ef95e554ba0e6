namespace Analysis.Statistics;

/// <summary>
/// The distribution-free confidence interval of a quantile from order statistics: with B ~ Binomial(n, p) the number
/// of values at or below the true p-quantile, [x(l), x(u)] covers it with probability P(l ≤ B ≤ u−1). The ranks are
/// chosen with at most α/2 on each side; when a side would need a rank outside the sample (too few values beyond
/// the quantile, e.g. p99.9 of 1,024 values), the quantile is not estimable from this sample.
/// </summary>
public static class OrderStatisticInterval
{
    public const string Method = "distribution-free 95% interval from order statistics (binomial ranks)";

    /// <summary>1-based ranks (l, u) of the interval's bounds, or null when the sample cannot support the quantile.</summary>
    public static (int Lower, int Upper)? Ranks(int n, double p, double level = 0.95)
    {
        if (n < 1 || p <= 0 || p >= 1) return null;
        double alpha = (1 - level) / 2, logAlpha = Math.Log(alpha);
        var (logCdf, logSf) = LogTails(n, p);
        // l: the largest rank with P(B ≤ l−1) ≤ α/2; u: the smallest with P(B ≥ u) ≤ α/2.
        int lower = 0;
        for (int k = 1; k <= n; k++)
            if (logCdf[k - 1] <= logAlpha) lower = k; else break;
        int upper = 0;
        for (int k = n; k >= 1; k--)
            if (logSf[k] <= logAlpha) upper = k; else break;
        return lower >= 1 && upper >= 1 && lower < upper ? (lower, upper) : null;
    }

    /// <summary>[x(l), x(u)] of a sorted sample, or null (not estimable).</summary>
    public static (double Lower, double Upper)? Of(IReadOnlyList<double> sorted, double p, double level = 0.95) =>
        Ranks(sorted.Count, p, level) is var (l, u) ? (sorted[l - 1], sorted[u - 1]) : null;

    /// <summary>The exact coverage P(l ≤ B ≤ u−1) = P(B ≤ u−1) − P(B ≤ l−1) of ranks (l, u).</summary>
    public static double Coverage(int n, double p, int lower, int upper)
    {
        var (logCdf, _) = LogTails(n, p);
        return Math.Exp(logCdf[upper - 1]) - Math.Exp(logCdf[lower - 1]);
    }

    /// <summary>log P(B ≤ k) and log P(B ≥ k) for k = 0..n, summed in log space (no underflow for large n).</summary>
    private static (double[] LogCdf, double[] LogSf) LogTails(int n, double p)
    {
        var logPmf = new double[n + 1];
        double logOdds = Math.Log(p) - Math.Log(1 - p);
        logPmf[0] = n * Math.Log(1 - p);
        for (int k = 0; k < n; k++) logPmf[k + 1] = logPmf[k] + Math.Log((double)(n - k) / (k + 1)) + logOdds;
        var logCdf = new double[n + 1];
        var logSf = new double[n + 2];
        logCdf[0] = logPmf[0];
        for (int k = 1; k <= n; k++) logCdf[k] = LogAdd(logCdf[k - 1], logPmf[k]);
        logSf[n + 1] = double.NegativeInfinity;
        for (int k = n; k >= 0; k--) logSf[k] = LogAdd(logSf[k + 1], logPmf[k]);
        return (logCdf, logSf);
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        double m = Math.Max(a, b);
        return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
    }
}
