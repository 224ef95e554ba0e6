using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace Analysis.Statistics;

/// <summary>A failure rate k/n with an exact binomial 95% interval.</summary>
public static class FailureRate
{
    public const string Method =
        "exact binomial (Clopper-Pearson) 95% interval; with zero failures the one-sided 95% upper bound 1-0.05^(1/n)";

    /// <summary>
    /// Clopper-Pearson two-sided 95% interval; for k = 0 the one-sided 95% upper bound 1 - 0.05^(1/n)
    /// (the "rule of three" in exact form). With n = 0 nothing is known: [0, 1].
    /// </summary>
    public static Estimate Of(long failures, long ops)
    {
        if (ops <= 0) return new Estimate(double.NaN, 0, 1);
        double p = (double)failures / ops;
        if (failures == 0) return new Estimate(0, 0, ZeroFailureUpperBound(ops));
        double lower = new BetaDistribution(failures, ops - failures + 1).Quantile(0.025);
        double upper = failures == ops ? 1 : new BetaDistribution(failures + 1, ops - failures).Quantile(0.975);
        return new Estimate(p, lower, upper);
    }

    public static double ZeroFailureUpperBound(long ops) => 1 - Math.Pow(0.05, 1.0 / ops);
}
