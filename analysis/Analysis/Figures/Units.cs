using System.Globalization;

namespace Analysis.Figures;

/// <summary>Human units for latencies given in ns.</summary>
public static class Units
{
    public static string Time(double ns, string format = "0.##")
    {
        if (double.IsNaN(ns)) return "—";
        var (value, unit) = Math.Abs(ns) switch
        {
            >= 1e9 => (ns / 1e9, "s"),
            >= 1e6 => (ns / 1e6, "ms"),
            >= 1e3 => (ns / 1e3, "µs"),
            _ => (ns, "ns"),
        };
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + unit;
    }
}
