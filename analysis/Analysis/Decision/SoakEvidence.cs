
namespace Analysis.Decision;

/// <summary>One sleep cycle (a real host sleep, or a freeze of the VMM standing in for one) and what followed it.</summary>
public sealed record SleepCycle(string Fault, bool IsProxy, bool Failed, double? RecoveryS, string Detail);

/// <summary>
/// What one soak says for the decision, split into what a fault provoked and what happened on its own:
/// <list type="bullet">
/// <item>unprovoked: windows outside every fault span (the soak's own faults, freezes recorded in its freeze-windows.csv and
/// faults from other terminals: a freeze's lost channel is the freeze's, issue 10) (from the fault's start to its recovery; "never" recovered: to the end);
/// mount failures, hangs (the probe's answer never came) and stalls are counted once per unbroken run of such windows,
/// operation errors per failed action;</item>
/// <item>sleep cycles: each <c>sleep</c> (real) or <c>freeze</c> (a proxy) fault, failed when an action failed, or the
/// share was lost, within <see cref="AfterWakeSeconds"/> after it was lifted (up to the next fault), or it never recovered;</item>
/// <item>the host descriptors of the provider's processes (<see cref="DescriptorGrowth"/>).</item>
/// </list>
/// </summary>
public sealed record SoakEvidence(
    SoakRun Soak, double Hours, long Ops, long MountFailures, long Hangs, long Stalls, long OperationErrors,
    IReadOnlyDictionary<string, long> Errnos, IReadOnlyList<SleepCycle> Cycles, DescriptorGrowth Descriptors)
{
    public const double AfterWakeSeconds = 60;
    public static readonly string[] SleepKinds = ["sleep", "freeze"];

    public string Provider => Soak.Manifest.Settings.Provider;
    public string Mount => Soak.Manifest.Settings.Mount;

    /// <summary>The soak's evidence; faults injected into it from another terminal (<paramref name="external"/>) join its own.</summary>
    public static SoakEvidence Of(SoakRun soak, double fdLimit, IEnumerable<FaultFolder>? external = null)
    {
        var series = soak.Series;
        double end = series.Count > 0 ? series[^1].TS : 0;
        var recoveries = soak.Classes.Recoveries.ToDictionary(r => r.Fault, r => r);
        var faults = soak.Faults().Concat(soak.RecordedFreezes()).Concat((external ?? []).Select(f => f.On(soak)).Where(f => f is not null).Select(f => f!.Value))
            .OrderBy(f => f.Start).ToList();
        var spans = faults.Select(f =>
        {
            double lifted = f.End ?? end;
            double until = recoveries.TryGetValue(f.Label, out var r)
                ? r.RecoveryS is { } s ? lifted + s : end
                : lifted + AfterWakeSeconds;
            return (Start: f.Start, End: until);
        }).ToList();
        bool Provoked(TimeSeriesRow w) => spans.Any(s => w.StartS < s.End && w.TS > s.Start);

        long mount = 0, hangs = 0, stalls = 0, errors = 0;
        var errnos = new Dictionary<string, long>();
        TimeSeriesRow? previous = null;
        foreach (var w in series)
        {
            bool counted = !Provoked(w);
            bool mountWindow = w.Has("mount_failure"), hangWindow = w.Root == "CHANNEL", stallWindow = w.Has("stall");
            if (counted)
            {
                if (mountWindow && !(previous?.Has("mount_failure") ?? false)) mount++;
                if (hangWindow && previous?.Root != "CHANNEL") hangs++;
                if (stallWindow && !(previous?.Has("stall") ?? false)) stalls++;
                if (!mountWindow && w.Failures > 0)
                {
                    errors += w.Failures;
                    foreach (var (errno, n) in w.ErrnoCounts()) errnos[errno] = errnos.GetValueOrDefault(errno) + n;
                }
            }
            previous = counted ? w : null;
        }

        var cycles = new List<SleepCycle>();
        foreach (var f in faults.Where(f => SleepKinds.Contains(f.Kind)))
        {
            double lifted = f.End ?? end;
            double next = faults.Where(g => g.Start > f.Start).Select(g => g.Start).DefaultIfEmpty(double.MaxValue).Min();
            double until = Math.Min(lifted + AfterWakeSeconds, next);
            var after = series.Where(w => w.TS > lifted && w.StartS < until).ToList();
            long failed = after.Sum(w => w.Failures);
            bool lost = after.Any(w => w.Has("mount_failure"));
            var rec = recoveries.GetValueOrDefault(f.Label);
            bool never = rec is { RecoveryS: null } || (f.End is null && lifted >= end);
            string detail = lost ? "share lost after it" : failed > 0 ? $"{failed} failed actions in the {AfterWakeSeconds:0} s after it" : never ? "never recovered" : "clean";
            cycles.Add(new SleepCycle(f.Label, f.Kind == "freeze", lost || failed > 0 || never, rec?.RecoveryS, detail));
        }

        double hours = soak.Classes.ExposureHours > 0 ? soak.Classes.ExposureHours : end / 3600;
        long ops = soak.Classes.Ops > 0 ? soak.Classes.Ops : series.Sum(w => w.Ops);
        return new SoakEvidence(soak, hours, ops, mount, hangs, stalls, errors, errnos, cycles, DescriptorGrowth.Of(soak.Vmm, fdLimit,
            soak.Events.LastOrDefault(e => e.Kind == "soak_restored")?.TS));
    }
}
