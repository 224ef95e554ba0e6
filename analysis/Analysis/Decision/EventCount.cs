
namespace Analysis.Decision;

/// <summary>What a failure class's events are counted against: operations, hours of load, or sleep cycles.</summary>
public enum ExposureUnit { Operations, Hours, Cycles }

/// <summary>
/// Events of one failure class for one provider, against their exposure. Operations and cycles are trials
/// (exact binomial, <see cref="FailureRate"/>); hours are a Poisson exposure (exact Poisson interval; with no
/// event the 95% upper bound is -ln(0.05)/hours ≈ 3.0/hours, as in classes.json).
/// </summary>
public readonly record struct EventCount(long Events, double Exposure, ExposureUnit Unit)
{
    public bool HasExposure => Exposure > 0;

    /// <summary>Rate per operation, per cycle or per hour, with its 95% interval.</summary>
    public Estimate Rate => Unit == ExposureUnit.Hours ? PoissonRate.Of(Events, Exposure) : FailureRate.Of(Events, (long)Math.Round(Exposure));

    public static EventCount operator +(EventCount a, EventCount b) => new(a.Events + b.Events, a.Exposure + b.Exposure, a.Unit);

    /// <summary>Exposure needed, with no event, for the 95% upper bound to fall below <paramref name="target"/>.</summary>
    public static double ExposureForBound(double target, ExposureUnit unit) =>
        target <= 0 || double.IsNaN(target) ? double.PositiveInfinity
        : unit == ExposureUnit.Hours ? -Math.Log(0.05) / target
        : target >= 1 ? 1 : Math.Ceiling(Math.Log(0.05) / Math.Log(1 - target));

    /// <summary>"0 in 40 cycles (95% upper bound 7.2%)", "3 in 1.5 h = 2.0/h [0.41, 5.8]".</summary>
    public override string ToString()
    {
        var r = Rate;
        string exposure = Unit switch
        {
            ExposureUnit.Hours => $"{Figures.Units.Significant(Exposure)} h",
            ExposureUnit.Cycles => $"{Memo.Format.Count((long)Exposure)} cycles",
            _ => $"{Memo.Format.Count((long)Exposure)} ops",
        };
        if (!HasExposure) return "no exposure";
        return Events == 0
            ? $"0 in {exposure} (95% upper bound {RateText(r.Upper, Unit)})"
            : $"{Memo.Format.Count(Events)} in {exposure} = {RateText(r.Value, Unit)} [{RateText(r.Lower, Unit)}, {RateText(r.Upper, Unit)}]";
    }

    public static string RateText(double rate, ExposureUnit unit) =>
        unit == ExposureUnit.Hours ? $"{Figures.Units.Significant(rate)}/h" : Memo.Format.Percent(rate);

    public static string ExposureText(double exposure, ExposureUnit unit) => unit switch
    {
        ExposureUnit.Hours => $"{Figures.Units.Significant(exposure)} h",
        ExposureUnit.Cycles => $"{Memo.Format.Count((long)Math.Ceiling(exposure))} sleep cycles",
        _ => $"{Memo.Format.Count((long)Math.Ceiling(exposure))} ops",
    };
}

/// <summary>Exact Poisson 95% interval for k events in t hours (bisection on the Poisson CDF).</summary>
public static class PoissonRate
{
    public static Estimate Of(long events, double hours)
    {
        if (hours <= 0) return new Estimate(double.NaN, 0, double.PositiveInfinity);
        if (events == 0) return new Estimate(0, 0, -Math.Log(0.05) / hours);
        // lower: P(X >= k; mu) = 0.025; upper: P(X <= k; mu) = 0.025
        double lower = Solve(mu => 1 - Cdf(events - 1, mu) - 0.025, events);
        double upper = Solve(mu => 0.025 - Cdf(events, mu), events);
        return new Estimate(events / hours, lower / hours, upper / hours);
    }

    /// <summary>P(X ≤ k) for X ~ Poisson(mu), summed in log space.</summary>
    public static double Cdf(long k, double mu)
    {
        if (k < 0) return 0;
        double term = -mu, sum = Math.Exp(term);
        for (long i = 1; i <= k; i++)
        {
            term += Math.Log(mu) - Math.Log(i);
            sum += Math.Exp(term);
        }
        return Math.Min(1, sum);
    }

    /// <summary>Root of an increasing function of mu in (0, ∞).</summary>
    private static double Solve(Func<double, double> f, long k)
    {
        double lo = 0, hi = Math.Max(10, 4.0 * k + 20);
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (f(mid) < 0) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
