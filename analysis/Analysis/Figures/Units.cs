using System.Globalization;

namespace Analysis.Figures;

/// <summary>Human units for latencies given in ns, and numbers to a few significant digits.</summary>
public static class Units
{
    public static (double Divisor, string Name) TimeUnitOf(double ns) => Math.Abs(ns) switch
    {
        >= 1e9 => (1e9, "s"),
        >= 1e6 => (1e6, "ms"),
        >= 1e3 => (1e3, "µs"),
        _ => (1, "ns"),
    };

    /// <summary>"20.5 µs" (three significant digits).</summary>
    public static string Time(double ns, int digits = 3)
    {
        if (!double.IsFinite(ns)) return "—";
        var (divisor, unit) = TimeUnitOf(ns);
        return Significant(ns / divisor, digits) + " " + unit;
    }

    /// <summary>Fixed notation with <paramref name="digits"/> significant digits (never fewer than needed for the integer part).</summary>
    public static string Significant(double v, int digits = 3)
    {
        if (!double.IsFinite(v)) return "—";
        if (v == 0) return "0";
        int decimals = Math.Max(0, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(v))));
        return Math.Round(v, Math.Min(decimals, 15)).ToString("F" + Math.Min(decimals, 15), CultureInfo.InvariantCulture);
    }
}
