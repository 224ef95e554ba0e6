namespace Analysis.Statistics;

/// <summary>
/// The verdict on a latency ratio with its intervals: slower (faster) when the whole 95% interval lies above
/// 1 + threshold (below 1 / (1 + threshold)): a one-sided test at 2.5% that the difference exceeds the threshold;
/// equivalent within ±threshold when the 90% interval lies inside [1 / (1 + threshold), 1 + threshold] (two one-sided
/// tests at 5%, TOST); otherwise no difference was shown.
/// </summary>
public static class RatioVerdict
{
    public static string Description(double threshold) =>
        $"slower/faster: the 95% interval of the ratio lies wholly beyond ±{threshold:P0}; equivalent within ±{threshold:P0}: " +
        "its 90% interval lies inside (TOST, 5% each side); otherwise \"no difference shown\"";

    public static Verdict Judge(Estimate ratio95, Estimate? ratio90, double threshold)
    {
        if (!double.IsFinite(ratio95.Value) || !ratio95.Estimable) return Verdict.Unknown;
        double up = 1 + threshold, down = 1 / (1 + threshold);
        if (ratio95.Lower > up) return Verdict.Slower;
        if (ratio95.Upper < down) return Verdict.Faster;
        if (ratio90 is { Estimable: true } e && e.Lower >= down && e.Upper <= up) return Verdict.Equivalent;
        return Verdict.Same;
    }
}
