using FsBench.Protocol;

namespace FsBench.Host.Soak;

/// <summary>
/// Counts the soak's failures by class as windows come in (the unit of each class is in <see cref="Taxonomy.Rule"/>),
/// and states them per hour of exposure, with the 95% upper bound for classes never seen.
/// </summary>
public sealed class ClassTally
{
    private readonly Dictionary<FailureClass, long> _counts = FailureClasses.All.ToDictionary(c => c, _ => 0L);
    private readonly Dictionary<string, long> _errnos = new();
    private bool _inMountFailure, _inStall;
    public long Ops { get; private set; }
    public long FailedOps { get; private set; }
    public long StalledOps { get; private set; }
    public long OpsInMountFailures { get; private set; }
    public long KnownBugRunsUnderLoad { get; private set; }

    public long Count(FailureClass c) => _counts[c];

    public void Add(SoakPoint p)
    {
        Ops += p.Ops;
        FailedOps += p.Failures;
        bool mount = p.Has(FailureClass.MountFailure);
        if (mount)
        {
            if (!_inMountFailure) _counts[FailureClass.MountFailure]++;
            OpsInMountFailures += p.Failures;
        }
        else if (p.Failures > 0)
        {
            _counts[FailureClass.OperationError] += p.Failures;
            foreach (var (errno, n) in p.Errnos) _errnos[errno] = _errnos.GetValueOrDefault(errno) + n;
        }
        _inMountFailure = mount;

        bool stalled = p.Has(FailureClass.Stall);
        if (stalled && !_inStall) _counts[FailureClass.Stall]++;
        StalledOps += p.Stalls;
        _inStall = stalled;
    }

    public void AddKnownBugs(IEnumerable<KnownBugResult> underLoad)
    {
        foreach (var r in underLoad)
        {
            KnownBugRunsUnderLoad += r.Runs;
            _counts[FailureClass.SemanticDeviation] += r.Deviations;
        }
    }

    public SoakClasses ToFile(double exposureSeconds, IEnumerable<FaultRecovery> recoveries, IEnumerable<NotApplied> notApplied, string? endReason)
    {
        double hours = exposureSeconds / 3600;
        SoakClassCount Of(FailureClass c, Dictionary<string, long>? detail = null)
        {
            long n = _counts[c];
            return new SoakClassCount
            {
                Count = n, PerHour = hours > 0 ? n / hours : 0,
                Upper95PerHour = n == 0 ? Taxonomy.ZeroCountUpperBoundPerHour(hours) : null, Detail = detail ?? new(),
            };
        }
        return new SoakClasses
        {
            Rule = Taxonomy.Rule,
            ExposureSeconds = Math.Round(exposureSeconds, 1),
            ExposureHours = Math.Round(hours, 5),
            Ops = Ops,
            FailedOps = FailedOps,
            EndReason = endReason,
            Classes = new()
            {
                [FailureClasses.Name(FailureClass.MountFailure)] = Of(FailureClass.MountFailure, new() { ["ops_failed_during"] = OpsInMountFailures }),
                [FailureClasses.Name(FailureClass.SemanticDeviation)] = Of(FailureClass.SemanticDeviation, new() { ["reproducer_runs_under_load"] = KnownBugRunsUnderLoad }),
                [FailureClasses.Name(FailureClass.OperationError)] = Of(FailureClass.OperationError, new(_errnos)),
                [FailureClasses.Name(FailureClass.Stall)] = Of(FailureClass.Stall, new() { ["stalled_ops"] = StalledOps }),
            },
            Recoveries = recoveries.Select(r => new SoakRecovery
            {
                Fault = r.Label, Kind = r.Kind, StartS = r.StartS, EndS = r.EndS, RecoveryS = r.RecoverySeconds,
                BaselineOpsPerS = r.BaselineOpsPerS is { } b ? Math.Round(b, 1) : null, Note = r.Note,
            }).ToList(),
            FaultsNotApplied = notApplied.Select(n => n.ToInfo()).ToList(),
        };
    }
}

/// <summary>A requested fault the provider could not apply, and why.</summary>
public sealed record NotApplied(string Fault, string Reason)
{
    public NotAppliedInfo ToInfo() => new() { Fault = Fault, Reason = Reason };
}
