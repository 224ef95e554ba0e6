using System.Globalization;

namespace Analysis.Cases;

/// <summary>
/// How many operations the study needs to see a failure that strikes each operation with probability p: the binomial
/// prediction P(detected within n ops) = 1 - (1 - p)^n, and, for a soak on a FAULT MODEL that injects spurious ENOENT,
/// the measured counterpart: the operations between one injected failure and the next (memoryless, so their empirical
/// distribution is the probability of a first detection within n operations), from the model's injection log
/// (faultmodel/PROVIDER.injections.csv: unix_time_us,kind,errno,path) set against timeseries.csv's operation counts.
/// </summary>
public static class DetectionPower
{
    public static readonly double[] Rates = [1e-3, 1e-4, 1e-5];
    public const string InjectedKind = "spurious_enoent_open";

    public static double Predicted(double p, double n) => 1 - Math.Pow(1 - p, n);

    /// <summary>Operations for a detection probability (0.95: about 3/p).</summary>
    public static double OpsFor(double p, double probability) => Math.Log(1 - probability) / Math.Log(1 - p);

    public sealed record Measured(double RatePerOp, long Injections, long Ops, IReadOnlyList<double> GapsInOps);

    /// <summary>The measured gaps, or null when the soak has no model injecting spurious ENOENT.</summary>
    public static Measured? Of(SoakRun soak)
    {
        string log = Path.Combine(soak.Directory, "faultmodel", soak.Manifest.Settings.Provider + ".injections.csv");
        var start = soak.Events.FirstOrDefault(e => e.Kind == "soak_start");
        if (!File.Exists(log) || start is null || soak.Series.Count == 0) return null;
        var t0 = DateTimeOffset.Parse(start.Utc, CultureInfo.InvariantCulture);
        var times = File.ReadLines(log).Skip(1).Select(l => l.Split(',', 4)).Where(f => f.Length == 4 && f[1] == InjectedKind)
            .Select(f => (long.Parse(f[0], CultureInfo.InvariantCulture) / 1e6) - t0.ToUnixTimeMilliseconds() / 1e3)
            .Where(t => t >= 0 && t <= soak.Series[^1].TS).Order().ToList();
        long ops = soak.Series.Sum(r => r.Ops);
        if (times.Count == 0) return new Measured(0, 0, ops, []);
        var cumulative = times.Select(t => OpsAt(soak.Series, t)).ToList();
        var gaps = cumulative.Select((c, i) => i == 0 ? c : c - cumulative[i - 1]).Where(g => g > 0).ToList();
        return new Measured(times.Count / (double)ops, times.Count, ops, gaps);
    }

    /// <summary>Operations done by time t (s since the load started), linear within a window.</summary>
    private static double OpsAt(IReadOnlyList<TimeSeriesRow> series, double t)
    {
        double done = 0, previousEnd = 0;
        foreach (var w in series)
        {
            if (t <= w.TS) return done + w.Ops * Math.Clamp((t - previousEnd) / Math.Max(1e-9, w.TS - previousEnd), 0, 1);
            done += w.Ops;
            previousEnd = w.TS;
        }
        return done;
    }
}
