using FsBench.Protocol;

namespace FsBench.Host.Soak;

/// <summary>
/// Counts the soak's failures by class as windows come in (the unit of each class is in <see cref="Taxonomy.Rule"/>),
/// and states them per hour of exposure, with the 95% upper bound for classes never seen. What the soak's own faults
/// provoked is counted apart, by fault (<see cref="FaultAttribution"/>): a freeze's lost channel is the freeze's, not virtio-fs's.
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

    private readonly Dictionary<string, SoakFaultAttribution> _byFault = new();
    private string? _mountIncidentOf, _stallIncidentOf;   // the fault an ongoing incident belongs to (null: the provider's)

    /// <summary>
    /// One window. <paramref name="fault"/>: the applied fault whose window it overlaps, or null; <paramref name="channelFault"/>:
    /// the fault a lost channel or unanswering root in it belongs to (the fault's window plus <see cref="FaultAttribution.ChannelGrace"/>).
    /// What a fault provoked goes to that fault (<see cref="SoakClasses.DuringFaults"/>), not to the provider's classes: failed actions
    /// of a window that overlaps it, and whole incidents (unbroken runs of mount-failure or stalled windows) that began with it.
    /// </summary>
    public void Add(TimeSeriesRow p, string? fault = null, string? channelFault = null)
    {
        Ops += p.Ops;
        FailedOps += p.Failures;
        bool mount = p.Has(FailureClass.MountFailure);
        if (mount)
        {
            if (!_inMountFailure) _mountIncidentOf = channelFault ?? fault;
            if (_mountIncidentOf is { } f)
            {
                var a = Of(f);
                if (!_inMountFailure) a.MountFailures++;
                a.OpsFailedInMountFailures += p.Failures;
            }
            else
            {
                if (!_inMountFailure) _counts[FailureClass.MountFailure]++;
                OpsInMountFailures += p.Failures;
            }
        }
        else if (p.Failures > 0 && fault is not null)
        {
            var a = Of(fault);
            a.OperationErrors += p.Failures;
            foreach (var (errno, n) in p.ErrnoCounts()) a.Errnos[errno] = a.Errnos.GetValueOrDefault(errno) + n;
        }
        else if (p.Failures > 0)
        {
            _counts[FailureClass.OperationError] += p.Failures;
            foreach (var (errno, n) in p.ErrnoCounts()) _errnos[errno] = _errnos.GetValueOrDefault(errno) + n;
        }
        _inMountFailure = mount;

        bool stalled = p.Has(FailureClass.Stall);
        if (stalled && !_inStall) _stallIncidentOf = fault;
        if (stalled && _stallIncidentOf is { } sf)
        {
            var a = Of(sf);
            if (!_inStall) a.Stalls++;
            a.StalledOps += p.Stalls;
        }
        else
        {
            if (stalled && !_inStall) _counts[FailureClass.Stall]++;
            StalledOps += p.Stalls;
        }
        _inStall = stalled;
    }

    /// <summary>What each fault provoked, in the order the faults came.</summary>
    public IReadOnlyList<SoakFaultAttribution> DuringFaults => _byFault.Values.ToList();

    private SoakFaultAttribution Of(string fault) =>
        _byFault.TryGetValue(fault, out var a) ? a : _byFault[fault] = new SoakFaultAttribution { Fault = fault };

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
            DuringFaults = DuringFaults.ToList(),
            FaultsNotApplied = notApplied.Select(n => n.ToInfo()).ToList(),
        };
    }
}

/// <summary>A requested fault the provider could not apply, and why.</summary>
public sealed record NotApplied(string Fault, string Reason)
{
    public NotAppliedInfo ToInfo() => new() { Fault = Fault, Reason = Reason };
}
