using BenchmarkDotNet.Attributes;
using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// One benchmark case = one provider (the job), one operation, one worker count, one mount mode.
/// One invocation = one probe batch of <see cref="StudySettings.BatchSize"/> operations inside the guest.
/// </summary>
public class MetadataBenchmarks
{
    [ParamsSource(nameof(OpValues))] public string Op { get; set; } = "";
    [ParamsSource(nameof(WorkerValues))] public int Workers { get; set; }
    [ParamsSource(nameof(MountValues))] public string Mount { get; set; } = "";

    public IEnumerable<string> OpValues() => StudyEnvironment.Settings().Ops;
    public IEnumerable<int> WorkerValues() => StudyEnvironment.Settings().Workers;
    public IEnumerable<string> MountValues() => StudyEnvironment.Settings().Mounts;

    private StudySettings _settings = null!;
    private RunFolder _folder = null!;
    private ProbeSession? _session;
    private CaseRecorder _recorder = null!;
    private HostFixtureSet? _fixtures;
    private bool _channelFailed;
    private string? _failure;
    private int _repetition;
    private bool _dropGuestCaches;
    private readonly LaunchClock _clock = new();

    [GlobalSetup]
    public void Setup()
    {
        _folder = StudyEnvironment.Folder();
        _settings = _folder.ReadSettings();
        string provider = Environment.GetEnvironmentVariable(StudyEnvironment.ProviderVar) ?? "local";
        var ctx = StudyEnvironment.Context(_folder, _settings);
        var key = new CaseKey(provider, Mount, Op, Workers);
        _repetition = StudyEnvironment.Repetition();
        _recorder = new CaseRecorder(key, _settings.Layout, _settings.SampleCap, _folder, _repetition, _settings.Warmup, _folder.ReadCase(key));
        var p = ProviderCatalog.Create(provider);
        _dropGuestCaches = p.GuestForgetsAfterCase;
        try { _session = _clock.Opening(() => CaseSession.Open(p, ctx, _folder, key)); }
        catch (Exception e)
        {
            _failure = $"the probe session did not open: {e.Message}";
            throw;
        }
    }

    /// <summary>A cold op's files, made by the host in the share just before each batch, outside BenchmarkDotNet's timing.</summary>
    [IterationSetup]
    public void MakeFixtures() => _fixtures = _session?.MakeFixtures(Op, NextBatchSize, Workers, _settings.Layout);

    /// <summary>The next batch's operations: the recorder decides which batches are warmup, the settings their size.</summary>
    private int NextBatchSize => _settings.OpsInBatch(_recorder.NextIsWarmup);

    [IterationCleanup]
    public void RemoveFixtures()
    {
        _fixtures?.Dispose();
        _fixtures = null;
    }

    [Benchmark(OperationsPerInvoke = StudySettings.BatchSize)]
    public void Batch()
    {
        try
        {
            _recorder.Add(_clock.Batch(() => _session!.RunBatchAsync(Op, NextBatchSize, Workers, _settings.Layout, _settings.SampleCap, fixtures: _fixtures)
                .GetAwaiter().GetResult()));
        }
        catch (ProbeChannelException e) when (e is not ProbeRequestException)
        {
            _recorder.ChannelFailed(e.Message);
            _folder.MarkChannelFailure(_recorder.Key.Provider, e.Message);
            _channelFailed = true;
            _failure = $"probe channel failed: {e.Message}";
            throw;
        }
        catch (Exception e)
        {
            _failure = $"{e.GetType().Name}: {e.Message}";
            throw;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var finished = _recorder.Snapshot();
        // A case is finished (one summary row) when its last repetition is; earlier launches only extend the case file.
        // A failed iteration ends the launch (BenchmarkDotNet still calls this): the row then says so, with what was measured.
        if (_repetition == _settings.Repetitions - 1)
            _folder.AppendFinished(finished, _failure is null ? CaseStatus.Ok : CaseStatus.Failed, _failure ?? "");
        var launch = finished.Launches[^1];
        Console.WriteLine($"// fsbench: case {_recorder.Key} launch {_repetition + 1}/{_settings.Repetitions} done: {launch.Ops} measured ops, " +
                          $"{launch.Failures} failed, guest p50 {launch.P50Ns / 1000.0:0.0} us; {_folder.FinishedCases()} cases finished");
        if (_session is null) return;
        try
        {
            if (_channelFailed) return;
            string said = _clock.CleaningUp(() => _session.CleanupAsync(_dropGuestCaches).GetAwaiter().GetResult());
            Console.WriteLine($"// fsbench: case {_recorder.Key} launch {_repetition + 1}: {_clock}");
            if (_dropGuestCaches && !said.Contains(Protocol.GuestCaches.Dropped)) Console.WriteLine($"// fsbench: {_recorder.Key}: {said}");
        }
        // What the launch measured is recorded; a refused clean-up (the next case's is the same scratch) must not discard it.
        catch (ProbeRequestException e) { Console.WriteLine($"// fsbench: {_recorder.Key}: clean-up: {e.Message}"); }
        finally { _session.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
    }
}
