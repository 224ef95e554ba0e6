using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Analysis.Figures;

/// <summary>
/// ScottPlot 5 has no log axis: figures plot log10 of the values, and this labels the ticks with 10^v.
/// Major ticks sit on decades (and on 2 and 5 when the data span three decades or less, so a narrow range
/// still gets labels); minor ticks come from ScottPlot's LogMinorTickGenerator.
/// </summary>
public static class LogAxis
{
    /// <summary>Ticks for an axis showing values between <paramref name="min"/> and <paramref name="max"/> (not logs).</summary>
    public static void Apply(IAxis axis, double min, double max, Func<double, string> format)
    {
        int first = (int)Math.Floor(Math.Log10(min)), last = (int)Math.Ceiling(Math.Log10(max));
        if (last == first) last++;
        double[] steps = last - first <= 3 ? [1, 2, 5] : [1];
        var majors = new List<double>();
        for (int d = first; d <= last; d++)
            foreach (double s in steps)
                majors.Add(d + Math.Log10(s));

        var generator = new NumericManual();
        foreach (double m in majors) generator.AddMajor(m, format(Math.Pow(10, m)));
        var decades = Enumerable.Range(first, last - first + 1).Select(d => (double)d).ToArray();
        foreach (double m in new LogMinorTickGenerator().GetMinorTicks(decades, new CoordinateRange(first, last)))
            generator.AddMinor(m);
        axis.TickGenerator = generator;
    }

    public static string Time(double ns) => Units.Time(ns, 2);

    public static string Number(double v) => v switch
    {
        >= 1e6 => (v / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    public static string Times(double ratio) => "×" + ratio.ToString("0.####", CultureInfo.InvariantCulture);
}
