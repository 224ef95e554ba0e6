using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Sampling;
using FsBench.Host.Study;
using FsBench.Protocol;

namespace FsBench.Host.Soak;

/// <summary>
/// One soak: start the provider, run the known-bug reproducers idle, then send the probe ~1 s windows of the
/// agent-like mix for the whole duration while faults are injected and the provider's processes are sampled;
/// every window becomes a row of timeseries.csv and updates classes.json. Ends cleanly on a mount failure
/// (after the allowed restarts), on Ctrl-C, or when the duration is over.
/// Exit codes: 0 ran its full duration; 4 ended early on a mount failure; 3 interrupted.
/// </summary>
public sealed class SoakRun
{
    public const int Complete = 0, Interrupted = 3, EndedOnMountFailure = 4;

    private readonly SoakSettings _s;
    private readonly SoakFolder _folder;
    private readonly SoakMix _mix;
    private readonly List<FaultAction> _plan;
    private readonly IProvider _provider;
    private readonly SoakClock _clock = new();
    private readonly ClassTally _tally = new();
    private readonly List<TimeSeriesRow> _points = [];
    private readonly KnownBugTally _knownBugs;
    private readonly SoakProgress _progress;
    private SoakManifest _manifest;
    private FaultRunner? _faults;
    private double? _loadEndedS;
    private bool _channelLost;

    /// <summary>The exposure: seconds of load, from its start to the end of the last window (shutdown excluded).</summary>
    private double ExposureS => _loadEndedS ?? _clock.Seconds;

    private SoakRun(SoakSettings s, SoakFolder folder, SoakMix mix, List<FaultAction> plan, IProvider provider, SoakManifest manifest)
    {
        (_s, _folder, _mix, _plan, _provider, _manifest) = (s, folder, mix, plan, provider, manifest);
        _knownBugs = new KnownBugTally(s.Provider, s.Mount);
        _progress = new SoakProgress(s.Duration, Console.Out);
    }

    public static async Task<int> RunAsync(SoakSettings s, string outDir, CancellationToken ct)
    {
        if (!File.Exists(s.ProbePath)) throw new StudyException($"probe binary {s.ProbePath} not found (./run-bench.sh builds it; or pass --probe)");
        var provider = ProviderCatalog.Create(s.Provider);
        if (!provider.Mounts.Contains(s.Mount))
            throw new StudyException($"{s.Provider} has no mount mode '{s.Mount}' ({string.Join("|", provider.Mounts)})");
        var mix = SoakMix.Load(s.MixPath);
        var plan = FaultSpecParser.Expand(FaultSpecParser.Parse(s.Faults), s.Duration);
        // A provider that cannot run here (libkrun on Linux) is one line before anything is written.
        if (await provider.UnavailableReasonAsync(ct) is { } unavailable) throw new StudyException($"{provider.Name} cannot run here: {unavailable}");
        var folder = SoakFolder.Create(outDir);
        folder.WriteMix(mix.Content);
        var manifest = await NewManifestAsync(Path.GetFileName(folder.Dir), s, mix, plan);
        folder.WriteManifest(manifest);
        Console.WriteLine($"fsbench soak: {s.Provider}/{s.Mount}, {s.Workers} workers, {DurationText.Format(s.Duration)}, " +
                          $"{(s.OpenLoop ? $"open loop at {s.Rate:0.##} ops/s" : "closed loop")}, {plan.Count} planned faults -> {folder.Dir}");
        return await new SoakRun(s, folder, mix, plan, provider, manifest).RunAsync(ct);
    }

    private async Task<int> RunAsync(CancellationToken ct)
    {
        var hang = _s.EffectiveHangTimeout(_plan);
        var ctx = new ProviderContext(Path.GetFileName(_folder.Dir), _folder.StateDir, _s.ScratchDir, _s.ProbePath, hang);
        if (await _provider.UnavailableReasonAsync(ct) is { } reason)
        {
            Finish("partial", $"provider unavailable: {reason}");
            throw new StudyException($"{_provider.Name} cannot run here: {reason}");
        }
        foreach (var left in RunScratch.RemoveLeftovers(_s.ScratchDir)) Console.WriteLine($"fsbench soak: removed the scratch a killed run left: {left}");
        RunScratch.Claim(_s.ScratchDir, ctx.RunId);
        string? endReason = null;
        int exit = Interrupted;
        ProbeSession? session = null;
        ProcessSampler? sampler = null;
        using var stopFaults = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task faultTask = Task.CompletedTask;
        try
        {
            await StartProviderAsync(ctx, ct);
            session = await _provider.OpenSessionAsync(ctx, _s.Mount, ct);
            await IdleKnownBugsAsync(session, ct);
            await PrepareAsync(session, ct);

            _faults = new FaultRunner(_plan, _provider.Faults(ctx), _clock, Log);
            _clock.Restart();
            Log(Event("soak_start", "", $"{_s.Workers} workers, {(_s.OpenLoop ? $"{_s.Rate:0.##} ops/s open loop" : "closed loop")}, hang timeout {hang.TotalSeconds:0} s"));
            _faults.ReportUnsupported();
            var current = session;
            sampler = new ProcessSampler(t => _provider.ProcessesToSampleAsync(ctx, current, t), () => _clock.Seconds, _folder.AppendVmm, TimeSpan.FromSeconds(1));
            sampler.Start();
            faultTask = _faults.RunAsync(stopFaults.Token);

            int restarts = _s.Restarts;
            while (session is not null && endReason is null && _clock.Elapsed < _s.Duration && !ct.IsCancellationRequested)
            {
                string? lost = await WindowAsync(session, sampler, ct);
                if (lost is null) continue;
                Log(Event("mount_failure", _points.Count > 0 ? _points[^1].Faults : "", lost));
                if (restarts-- > 0)
                {
                    var fresh = await RestartAsync(ctx, session, ct);
                    session = current = fresh;   // null: the old session is closed already
                    if (fresh is not null) continue;
                }
                endReason = $"mount_failure: {lost}";
                exit = EndedOnMountFailure;
                _loadEndedS = _clock.Seconds;
            }
            if (session is not null && endReason is null && !ct.IsCancellationRequested)
            {
                _loadEndedS = _clock.Seconds;
                await CollectPendingKnownBugsAsync(session, ct);
                _restored = await RestoreAsync(session, ct);
            }
            if (ct.IsCancellationRequested && endReason is null) endReason = "interrupted";
            else if (endReason is null) exit = Complete;
        }
        catch (ProbeChannelException e) when (e is not ProbeRequestException)
        {
            endReason = $"mount_failure: {e.Message}";
            exit = EndedOnMountFailure;
            _channelLost = true;
            Record(SoakWindow.ChannelLost(_clock.Seconds, _points.Count, 0, ""));
            Log(Event("mount_failure", "", e.Message));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            endReason = "interrupted";
        }
        catch (Exception e) when (e is StudyException or IOException or InvalidOperationException or ProbeRequestException)
        {
            endReason = $"error: {e.Message}";
            throw new StudyException(e.Message.Contains("unknown cmd 'soak'")
                ? $"{e.Message}: the probe binary predates the soak; rebuild it (./run-bench.sh setup, or dotnet publish bench/Probe ...)"
                : e.Message);
        }
        finally
        {
            _loadEndedS ??= _clock.Seconds;
            await stopFaults.CancelAsync();
            await faultTask;
            if (sampler is not null)
            {
                await sampler.DisposeAsync();
                if (_restored)   // the last sample: after the working set was made whole again (descriptor growth is then the leaks)
                    try { await sampler.SampleOnceAsync(false, CancellationToken.None); } catch (Exception) { /* a gap in vmm.csv */ }
            }
            if (session is not null) await EndSessionAsync(session, _channelLost);
            try { await _provider.StopAsync(ctx, CancellationToken.None); }
            catch (Exception e) { Console.Error.WriteLine($"fsbench soak: stopping {_provider.Name} failed: {e.Message}"); }
            RunScratch.Remove(_s.ScratchDir, ctx.RunId);
            WriteClasses(endReason);
            Log(Event("soak_end", "", endReason ?? "ran its full duration"));
            Finish(exit == Complete ? "complete" : "partial", endReason);
            Summary(endReason);
        }
        return exit;
    }

    /// <summary>One window; returns null, or why the channel was lost.</summary>
    private async Task<string?> WindowAsync(ProbeSession session, ProcessSampler sampler, CancellationToken ct)
    {
        // A pass starts in the probe with this window and reports with a later one (it runs in the background there).
        bool bugs = _s.KnownBugRuns > 0 && _clock.Elapsed >= _s.KnownBugEvery * (_knownBugPasses + 1);
        if (bugs) { _knownBugPasses++; _knownBugPending = true; }
        var req = WindowRequest(bugs ? _s.KnownBugRuns : 0);
        double t0 = _clock.Seconds;
        int window = _points.Count;
        try
        {
            var reply = await session.SoakAsync(req, ct);
            double t1 = _clock.Seconds;
            var point = SoakWindow.From(reply, t1, window, (t1 - t0) * 1000, FaultsDuring(t0, t1), _s.Window.TotalMilliseconds, _s.StallThreshold.TotalMilliseconds);
            Record(point);
            if (point.Has(FailureClass.MountFailure) && (_points.Count < 2 || !_points[^2].Has(FailureClass.MountFailure)))
                Log(Event("mount_failure", point.Faults, $"the share's root did not answer: {point.Root}"));
            if (reply.KnownBugs.Count > 0) { _knownBugPending = false; KnownBugsUnderLoad(reply.KnownBugs); }
            _progress.Window(point, _tally, sampler.Last, _faults!.Active);
            return null;
        }
        catch (ProbeChannelException e) when (e is not ProbeRequestException && !ct.IsCancellationRequested)
        {
            double t1 = _clock.Seconds;
            Record(SoakWindow.ChannelLost(t1, window, (t1 - t0) * 1000, FaultsDuring(t0, t1)));
            _channelLost = true;
            return e.Message;
        }
    }

    private int _knownBugPasses;
    private bool _knownBugPending;

    /// <summary>
    /// A pass started under load that had not reported when the load ended: its reproducers ran (and a fault model logged
    /// their injections), so their outcomes are collected too, after the load, rather than lost with the session.
    /// </summary>
    private async Task CollectPendingKnownBugsAsync(ProbeSession session, CancellationToken ct)
    {
        if (!_knownBugPending) return;
        var reply = await session.PendingSoakKnownBugsAsync(TimeSpan.FromMinutes(2), ct);
        _knownBugPending = false;
        if (reply.Results.Count > 0) KnownBugsUnderLoad(reply.Results);
        else Log(Event("knownbugs", "", "the pass started under load did not finish within 2 min after the load"));
    }

    private ProbeRequest WindowRequest(int knownBugRuns) => new()
    {
        Workers = _s.Workers, Rate = _s.Rate, WindowMs = (int)_s.Window.TotalMilliseconds, Mix = _mix.Weights,
        StallNs = (long)(_s.StallThreshold.TotalMilliseconds * 1e6), KnownBugRuns = knownBugRuns, Sample = 0,
    };

    /// <summary>
    /// The workers' whole working set (every file slot, object and tree directory), made before the load (untimed). The load
    /// then only cycles through it: descriptors the file server holds per inode the guest knows do not grow with the load.
    /// </summary>
    private async Task PrepareAsync(ProbeSession session, CancellationToken ct)
    {
        string made = await session.PrepareSoakAsync(WindowRequest(0), ct);
        _folder.AppendEvent(Event("soak_prepared", "", made));
        Console.WriteLine($"fsbench soak: {made}");
    }

    private bool _restored;

    /// <summary>
    /// After the load, the working set made whole again (the files the load unlinked), so that the last sample of the
    /// provider's descriptors sees the same working set as the first: what grew between them is not the load's files.
    /// </summary>
    private async Task<bool> RestoreAsync(ProbeSession session, CancellationToken ct)
    {
        try
        {
            string made = await session.PrepareSoakAsync(WindowRequest(0), ct);
            _folder.AppendEvent(Event("soak_restored", "", made));
            return true;
        }
        catch (ProbeRequestException e)
        {
            _folder.AppendEvent(Event("soak_restored", "", $"failed: {e.Message}"));
            return false;
        }
    }

    private void Record(TimeSeriesRow point)
    {
        _points.Add(point);
        _folder.AppendWindow(point);
        var applied = _faults?.Applied ?? [];
        _tally.Add(point, FaultAttribution.Overlapping(point.StartS, point.TS, applied), FaultAttribution.OfChannel(point.StartS, point.TS, applied));
        WriteClasses(null);
    }

    private string FaultsDuring(double t0, double t1) => string.Join(' ',
        _faults!.Applied.Where(f => f.StartS <= t1 && (f.EndS ?? double.MaxValue) >= t0).Select(f => f.Label));

    private void WriteClasses(string? endReason)
    {
        var applied = _faults?.Applied ?? [];
        _folder.WriteClasses(_tally.ToFile(ExposureS, RecoveryCalculator.Compute(_points, applied), _faults?.NotApplied ?? [], endReason));
    }

    private async Task StartProviderAsync(ProviderContext ctx, CancellationToken ct)
    {
        var info = await _provider.StartAsync(ctx, ct);
        _manifest = _manifest with
        {
            Providers =
            [
                new ProviderEntry
                {
                    Name = _provider.Name, Available = true, Acceleration = info.Acceleration, Mounts = [.. _provider.Mounts],
                    Versions = ManifestValues.Of(info.Versions), Settings = ManifestValues.Of(info.Settings),
                },
            ],
        };
        _folder.WriteManifest(_manifest);
    }

    private async Task IdleKnownBugsAsync(ProbeSession session, CancellationToken ct)
    {
        if (_s.KnownBugRuns <= 0) return;
        var results = await session.KnownBugsEachAsync(_s.KnownBugRuns, done =>
        {
            _knownBugs.Add("idle", [.. done]);
            _folder.WriteKnownBugs(_knownBugs.Rows());
        }, ct, ProbeSession.UntimedTimeout);   // untimed, before the load: a slow reproducer is not a hang
        Console.WriteLine($"fsbench soak: known bugs idle: {results.Sum(r => r.Deviations)} deviation(s) in {results.Count} probes x {_s.KnownBugRuns} runs");
    }

    private void KnownBugsUnderLoad(List<KnownBugResult> results)
    {
        _tally.AddKnownBugs(results);
        _knownBugs.Add("soak", results);
        _folder.WriteKnownBugs(_knownBugs.Rows());
        long deviations = results.Sum(r => r.Deviations);
        var outcomes = results.Where(r => r.Deviations > 0).Select(r => $"{r.Name}: {string.Join("; ", r.Outcomes.Select(o => $"{o.Key} x{o.Value}"))}");
        Log(Event("knownbugs", "", $"{deviations} deviation(s) in {results.Count} probes x {_s.KnownBugRuns} runs under load" +
                                   (deviations > 0 ? ": " + string.Join(" | ", outcomes) : "")));
    }

    private async Task<ProbeSession?> RestartAsync(ProviderContext ctx, ProbeSession old, CancellationToken ct)
    {
        await EndSessionAsync(old, lost: true);
        try
        {
            await _provider.StopAsync(ctx, ct);
            await _provider.StartAsync(ctx, ct);
            var fresh = await _provider.OpenSessionAsync(ctx, _s.Mount, ct);
            await PrepareAsync(fresh, ct);
            Log(Event("session_restart", "", "provider stopped and started again; a new probe session (its open-loop schedule starts afresh)"));
            _channelLost = false;
            return fresh;
        }
        catch (Exception e) when (e is ProbeChannelException or StudyException or IOException or InvalidOperationException)
        {
            Log(Event("session_restart", "", $"failed: {e.Message}"));
            return null;
        }
    }

    /// <summary>Cleans up through the probe and says goodbye; when the channel is lost, only closes it (the probe is stuck or gone).</summary>
    private static async Task EndSessionAsync(ProbeSession session, bool lost)
    {
        if (lost)
        {
            await session.Channel.DisposeAsync();
            return;
        }
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await session.CleanupAsync(ct: cts.Token);
        }
        catch (Exception) { /* the probe or its share is gone: nothing to clean through it */ }
        await session.DisposeAsync();
    }

    private void Log(SoakEvent e)
    {
        _folder.AppendEvent(e);
        _progress.Event(e);
    }

    private SoakEvent Event(string kind, string fault, string detail) => new(_clock.Seconds, DateTime.UtcNow, kind, fault, detail);

    private void Finish(string status, string? endReason)
    {
        _manifest = _manifest with
        {
            Status = status,
            EndReason = endReason,
            EndedUtc = DateTimeOffset.UtcNow,
            ElapsedS = Math.Round(ExposureS, 1),
            Windows = _points.Count,
            LoadavgAtEnd = HostFacts.LoadAverage(),
            FaultsApplied = (_faults?.Windows ?? []).Select(AppliedFaults.Of).ToList(),
            FaultsNotApplied = (_faults?.NotApplied ?? []).Select(n => n.ToInfo()).ToList(),
        };
        _folder.WriteManifest(_manifest);
    }

    private void Summary(string? endReason)
    {
        Console.WriteLine($"fsbench soak: {(endReason is null ? "ran its full duration" : $"ended early ({endReason})")}; {_tally.Ops:N0} ops in {ExposureS:0} s");
        foreach (var c in FailureClasses.All)
        {
            long n = _tally.Count(c);
            double hours = ExposureS / 3600;
            Console.WriteLine($"  {FailureClasses.Name(c),-19} {n,8:N0}  " +
                              (n > 0 ? $"{n / hours:0.##}/h" : $"0/h (95% upper bound {Taxonomy.ZeroCountUpperBoundPerHour(hours):0.##}/h)"));
        }
        foreach (var a in _tally.DuringFaults)
            Console.WriteLine($"  during {a.Fault} (the fault's, not the provider's): {a.MountFailures} mount failure(s), {a.OperationErrors} failed action(s), {a.Stalls} stall(s)");
        foreach (var r in RecoveryCalculator.Compute(_points, _faults?.Applied ?? []))
            Console.WriteLine($"  recovery after {r.Label}: {r.Note}");
        foreach (var n in _faults?.NotApplied ?? []) Console.WriteLine($"  not applied: {n.Fault}: {n.Reason}");
        Console.WriteLine($"fsbench soak: {_folder.Dir}");
    }

    private static async Task<SoakManifest> NewManifestAsync(string runId, SoakSettings s, SoakMix mix, List<FaultAction> plan) => new()
    {
        RunId = runId,
        Status = RunStatus.Running,
        StartedUtc = DateTimeOffset.UtcNow,
        Profile = "soak",
        Settings = s.ToManifest(mix, s.EffectiveHangTimeout(plan)),
        FaultsPlanned = plan.Select(a => new PlannedFault { Fault = a.Label, StartS = a.Start.TotalSeconds, ForS = a.Duration?.TotalSeconds }).ToList(),
        Host = HostFacts.Host(),
        Virtualization = HostFacts.Virtualization(),
        Tools = HostFacts.Tools(),
        Git = await HostFacts.GitAsync(AppContext.BaseDirectory),
    };
}
