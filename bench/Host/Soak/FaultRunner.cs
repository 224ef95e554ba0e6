using FsBench.Host.Providers.Faults;

namespace FsBench.Host.Soak;

/// <summary>
/// Plays the fault timeline beside the load: waits for each planned start, injects, waits for its duration, lifts
/// it, and logs each step in events.csv. Faults the provider cannot apply are logged once per kind as not applied.
/// A fault still applied when the soak ends is lifted first, so that the provider can stop.
/// </summary>
public sealed class FaultRunner(IReadOnlyList<FaultAction> plan, IFaultInjector faults, SoakClock clock, Action<SoakEvent> log)
{
    private readonly List<AppliedFault> _applied = [];
    private readonly List<NotApplied> _notApplied = [];
    private readonly object _lock = new();
    private FaultAction? _active;

    public IReadOnlyList<AppliedFault> Applied { get { lock (_lock) return _applied.ToList(); } }
    public IReadOnlyList<NotApplied> NotApplied { get { lock (_lock) return _notApplied.ToList(); } }
    /// <summary>Every applied fault's window, with wall-clock times (a fault still applied has no end).</summary>
    public IReadOnlyList<FaultWindow> Windows => Applied.Select(a => new FaultWindow(a.Label, a.Kind.Name(), Math.Round(a.StartS, 3),
        a.EndS is { } e ? Math.Round(e, 3) : null, clock.Utc(a.StartS), a.EndS is { } end ? clock.Utc(end) : null)).ToList();
    /// <summary>The fault applied right now ("pause#2"), or "".</summary>
    public string Active { get { lock (_lock) return _active?.Label ?? ""; } }

    /// <summary>Reports the kinds the provider cannot apply, before the load starts.</summary>
    public void ReportUnsupported()
    {
        foreach (var kind in plan.Select(a => a.Kind).Distinct())
            if (faults.WhyNot(kind) is { } why)
            {
                string name = kind.Name();
                lock (_lock) _notApplied.Add(new NotApplied(name, why));
                log(Event("fault_not_applied", name, $"{plan.Count(a => a.Kind == kind)} planned: {why}"));
            }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            foreach (var action in plan.Where(a => faults.WhyNot(a.Kind) is null))
            {
                var wait = action.Start - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                await ApplyAsync(action, ct);
                if (!action.Kind.Lasts()) return;   // nothing after a kill can be injected into the same server
            }
        }
        catch (OperationCanceledException) { }
        finally { await LiftActiveAsync(); }
    }

    private async Task ApplyAsync(FaultAction action, CancellationToken ct)
    {
        double start = clock.Seconds;
        try { await faults.StartAsync(action.Kind, action.Duration, ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log(Event("fault_error", action.Label, $"could not inject: {e.Message}"));
            return;
        }
        // A kill happens when its signal is sent, at the end of StartAsync (finding the processes can take seconds on a
        // loaded machine); a lasting fault is under way from the start of it.
        if (!action.Kind.Lasts()) start = clock.Seconds;
        lock (_lock)
        {
            _active = action.Duration is null ? null : action;
            _applied.Add(new AppliedFault(action.Label, action.Kind, start, action.Kind.Lasts() ? null : start));
        }
        log(Event("fault_start", action.Label, action.Duration is { } d ? $"for {DurationText.Format(d)}" : "instantaneous"));
        if (action.Duration is { } duration)
        {
            await Task.Delay(duration, ct);
            await LiftActiveAsync();
        }
    }

    private async Task LiftActiveAsync()
    {
        FaultAction? action;
        lock (_lock) action = _active;
        if (action is null) return;
        try { await faults.EndAsync(action.Kind, CancellationToken.None); }
        catch (Exception e) { log(Event("fault_error", action.Label, $"could not lift: {e.Message}")); }
        double end = clock.Seconds, lasted = 0;
        lock (_lock)
        {
            int i = _applied.FindLastIndex(a => a.Label == action.Label);
            if (i >= 0)
            {
                _applied[i] = _applied[i] with { EndS = end };
                lasted = end - _applied[i].StartS;
            }
            _active = null;
        }
        log(Event("fault_end", action.Label, $"lifted after {lasted:0.0} s"));
    }

    private SoakEvent Event(string kind, string fault, string detail) => new(clock.Seconds, DateTime.UtcNow, kind, fault, detail);
}
