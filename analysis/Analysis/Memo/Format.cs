using System.Globalization;

namespace Analysis.Memo;

/// <summary>How numbers read in the memo (invariant culture).</summary>
public static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Count(long n) => n.ToString("N0", Inv);

    /// <summary>"20.5 [20.0, 21.0] µs": the interval in the estimate's unit.</summary>
    public static string Time(Estimate e)
    {
        var (divisor, unit) = Units.TimeUnitOf(e.Value);
        if (!double.IsFinite(e.Value)) return "—";
        if (!e.Estimable) return $"{Units.Significant(e.Value / divisor)} {unit} [not estimable]";
        return $"{Units.Significant(e.Value / divisor)} [{Units.Significant(e.Lower / divisor)}, {Units.Significant(e.Upper / divisor)}] {unit}";
    }

    /// <summary>
    /// Two significant digits, but a fraction that is not 1 never reads "100%" and one that is not 0 never reads "0%":
    /// 2,556 / 2,560 reads "99.84%", not "100%".
    /// </summary>
    public static string Percent(double p)
    {
        if (p == 0 || p == 1 || !double.IsFinite(p)) return p == 1 ? "100%" : p == 0 ? "0%" : "—";
        for (int digits = 2; digits <= 12; digits++)
        {
            string text = Units.Significant(p * 100, digits);
            double shown = double.Parse(text, NumberStyles.Float, Inv);
            if (shown != 100 && shown != 0) return text + "%";
        }
        return p < 0.5 ? "<1e-10%" : ">99.9999999999%";
    }

    /// <summary>"0 / 3,072 (≤ 0.0975%)" or "12 / 3,072 = 0.39% [0.2%, 0.68%]".</summary>
    public static string Failures(long failures, long ops, Estimate rate) => ops == 0
        ? "0 / 0"
        : failures == 0
            ? $"0 / {Count(ops)} (≤ {Percent(rate.Upper)})"
            : $"{Count(failures)} / {Count(ops)} = {Percent(rate.Value)} [{Percent(rate.Lower)}, {Percent(rate.Upper)}]";

    public static string Ratio(double r) => double.IsFinite(r) ? "×" + Units.Significant(r) : "—";

    public static string Ratio(Estimate? e) =>
        e is { } r ? r.Estimable ? $"{Ratio(r.Value)} [{Ratio(r.Lower)}, {Ratio(r.Upper)}]" : $"{Ratio(r.Value)} [not estimable]" : "—";

    public static string Throughput(double opsPerS) =>
        double.IsFinite(opsPerS) ? (opsPerS >= 1000 ? LogAxis.Number(opsPerS) : Units.Significant(opsPerS)) + " ops/s" : "—";

    public static string Bytes(long? bytes) => bytes is { } b ? (b / 1e9).ToString("0.#", Inv) + " GB" : "unknown";

    public static string Verdict(Verdict v) => v switch
    {
        Statistics.Verdict.Slower => "**slower**",
        Statistics.Verdict.Faster => "faster",
        Statistics.Verdict.Same => "no difference shown",
        Statistics.Verdict.Equivalent => "equivalent",
        _ => "not judged",
    };

    public static string Code(string s) => $"`{s}`";

    public static string OrUnknown(string? s) => string.IsNullOrWhiteSpace(s) ? "unknown" : s;
}
