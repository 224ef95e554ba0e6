using FsBench.Host.Providers.Faults;

namespace FsBench.Host.Soak;

/// <summary>A fault as it was applied: when it started and when it was lifted (a kill is lifted the moment it happens).</summary>
public sealed record AppliedFault(string Label, Fault Kind, double StartS, double? EndS);

/// <summary>
/// A fault's window as the manifest records it (`faults_applied`), on the run's time axis and by the wall clock, so that
/// failures inside it, in this run folder or in another run measured meanwhile, can be attributed to the fault.
/// </summary>
public sealed record FaultWindow(string Fault, string Kind, double StartS, double? EndS, DateTime StartUtc, DateTime? EndUtc);

/// <summary>How long operations took to get back to normal after one fault (null seconds: never, within the run).</summary>
public sealed record FaultRecovery(string Label, string Kind, double StartS, double? EndS, double? BaselineOpsPerS, double? RecoveredAtS, string Note)
{
    public double? RecoverySeconds => RecoveredAtS is { } r && EndS is { } e ? Math.Round(r - e, 3) : null;
}

/// <summary>
/// Recovery time: from the moment a fault is lifted (a pause resumed, a stalled server continued, a kill done) to the
/// end of the first window that started after it and is healthy again: no failure of any class (no errno, no
/// stalled op, the root answering, the host not waiting longer than the window plus the stall threshold) and
/// successful ops per second at least <see cref="Fraction"/> of the pre-fault rate. The pre-fault rate is the median
/// of the clean windows in the <see cref="BaselineSeconds"/> before the fault (or, without any, of all clean windows
/// outside faults). No such window before the run ends: recovery "never".
/// </summary>
public static class RecoveryCalculator
{
    public const double Fraction = 0.9;
    public const double BaselineSeconds = 30;
    private const double Tolerance = 0.05;

    public static List<FaultRecovery> Compute(IReadOnlyList<TimeSeriesRow> points, IReadOnlyList<AppliedFault> faults) =>
        faults.Select(f => Of(f, points, faults)).ToList();

    public static FaultRecovery Of(AppliedFault fault, IReadOnlyList<TimeSeriesRow> points, IReadOnlyList<AppliedFault> faults)
    {
        string kind = fault.Kind.ToString().ToLowerInvariant();
        double? end = !fault.Kind.Lasts() ? fault.StartS : fault.EndS;
        if (end is null) return new(fault.Label, kind, fault.StartS, null, null, null, "never (still applied when the run ended)");
        double? baseline = Baseline(fault, points, faults);
        if (baseline is null) return new(fault.Label, kind, fault.StartS, end, null, null, "unknown (no clean window to take the pre-fault rate from)");
        var healed = points.FirstOrDefault(p => p.StartS >= end.Value - Tolerance && IsClean(p) && Rate(p) >= Fraction * baseline.Value);
        return healed is null
            ? new(fault.Label, kind, fault.StartS, end, baseline, null, "never")
            : new(fault.Label, kind, fault.StartS, end, baseline, healed.TS, $"{healed.TS - end.Value:0.0} s");
    }

    private static double? Baseline(AppliedFault fault, IReadOnlyList<TimeSeriesRow> points, IReadOnlyList<AppliedFault> faults)
    {
        var before = points.Where(p => p.TS <= fault.StartS + Tolerance && p.StartS >= fault.StartS - BaselineSeconds && IsClean(p)).Select(Rate).ToList();
        if (before.Count == 0)
            before = points.Where(p => IsClean(p) && !faults.Any(f => Overlaps(p, f))).Select(Rate).ToList();
        return before.Count == 0 ? null : Median(before);
    }

    public static bool IsClean(TimeSeriesRow p) => p.Classes.Length == 0 && p.RootOk();

    /// <summary>Successful ops per second of the host's wait for the window.</summary>
    public static double Rate(TimeSeriesRow p) => p.HostMs > 0 ? p.Successes() / (p.HostMs / 1000) : 0;

    private static bool Overlaps(TimeSeriesRow p, AppliedFault f) =>
        p.TS >= f.StartS && p.StartS <= (f.EndS ?? double.MaxValue);

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
