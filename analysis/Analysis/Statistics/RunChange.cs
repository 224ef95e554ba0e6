namespace Analysis.Statistics;

/// <summary>
/// How one case changed from a base run to a candidate run, as the ratio D = candidate / base of the case's
/// ratio to the reference measured in its own run (or of its own p50, with <c>--absolute</c>). On the log scale the
/// two runs' estimates are independent: log D has standard error √(se_b² + se_c²) and Welch-Satterthwaite degrees of
/// freedom; 95% and 90% intervals follow from Student t.
/// </summary>
public sealed record RunChange(double LogValue, double Se, double Df)
{
    public double Value => Math.Exp(LogValue);

    public Estimate Interval(double level)
    {
        double t = LaunchInterval.TQuantile(Df, 1 - (1 - level) / 2);
        return new Estimate(Value, Math.Exp(LogValue - t * Se), Math.Exp(LogValue + t * Se));
    }

    public static RunChange Of(LaunchRatio b, LaunchRatio c) => Combine(b.LogValue, b.LogSe, b.Df, c.LogValue, c.LogSe, c.Df);

    /// <summary>The change of a case's own p50: per-launch log p50s when both runs have launches, else Hodges-Lehmann over operations.</summary>
    public static RunChange? Absolute(LaunchData b, LaunchData c)
    {
        static (double Mean, double Se, int Df)? PerLaunch(LaunchData d) =>
            d.Launches.Count >= 2 && d.Launches.All(l => l.Length > 0)
                ? LaunchInterval.Moments(d.Launches.Select(l => Math.Log(QuantileInterval.Quantile(l, 0.5))).ToList())
                : null;
        if (PerLaunch(b) is var (mb, sb, db) && PerLaunch(c) is var (mc, sc, dc)) return Combine(mb, sb, db, mc, sc, dc);
        if (RatioEstimator.Of(c.Pooled, b.Pooled) is not { } hl) return null;
        return new RunChange(Math.Log(hl.Value), (Math.Log(hl.Upper) - Math.Log(hl.Lower)) / (2 * 1.959964), double.PositiveInfinity);
    }

    private static RunChange Combine(double mb, double sb, double db, double mc, double sc, double dc)
    {
        double vb = sb * sb, vc = sc * sc, v = vb + vc;
        double df = v == 0 ? double.PositiveInfinity : v * v / (vb * vb / db + vc * vc / dc);
        return new RunChange(mc - mb, Math.Sqrt(v), double.IsNaN(df) ? double.PositiveInfinity : df);
    }
}
