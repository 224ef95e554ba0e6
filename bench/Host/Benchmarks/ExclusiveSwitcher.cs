using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using FsBench.Host.Providers;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// Starts and stops providers that must run alone (<see cref="IProvider.ExclusiveActive"/>) around their segment of
/// each repetition. It runs in the host, before each case (BenchmarkDotNet's
/// BeforeAnythingElse signal, ahead of its GlobalSetup): entering an exclusive provider's segment stops the one active before and starts it;
/// leaving it for a shared provider stops it. Every start and stop is timed into cycles.csv. In the last repetition
/// the provider's known-bug pass runs before its final stop.
/// </summary>
public sealed class ExclusiveSwitcher(RunFolder folder, StudySettings settings, IReadOnlyDictionary<string, IProvider> providers,
    ProviderContext ctx, Action<IProvider, ProviderInfo> started) : HostDiagnoser("FsExclusiveSwitcher")
{
    private (IProvider Provider, int Repetition)? _active;

    public override void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        if (signal != HostSignal.BeforeAnythingElse) return;
        var job = parameters.BenchmarkCase.Job;
        if (!providers.TryGetValue(StudyEnvironment.ProviderOf(job), out var provider)) return;
        int repetition = StudyEnvironment.RepetitionOf(job);
        if (_active is { } a && (a.Provider != provider || a.Repetition != repetition)) Stop();
        if (provider.ExclusiveActive && _active is null) Start(provider, repetition);
    }

    private void Start(IProvider provider, int repetition)
    {
        _active = (provider, repetition);
        Console.WriteLine($"// fsbench: starting {provider.Name} for repetition {repetition + 1} (runs alone)");
        try
        {
            ProviderCycles.TimeAsync(folder, repetition, provider.Name, "start", async () => started(provider, await provider.StartAsync(ctx, CancellationToken.None)))
                .GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Console.WriteLine($"// fsbench: {provider.Name} failed to start in repetition {repetition + 1}; its cases there will fail: {e.Message}");
        }
    }

    /// <summary>Stops the active exclusive provider, if any (also called once the BenchmarkDotNet run is over).</summary>
    public void Stop()
    {
        if (_active is not var (provider, repetition)) return;
        _active = null;
        if (repetition == settings.Repetitions - 1)
        {
            try
            {
                var mounts = settings.Mounts.Where(provider.Mounts.Contains).ToArray();
                KnownBugPass.RunAsync(folder, [provider], mounts, ctx, settings.KnownBugRuns, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception e) { Console.WriteLine($"// fsbench: known bugs on {provider.Name} not run: {e.Message}"); }
            try
            {
                var mounts = settings.Mounts.Where(provider.Mounts.Contains).ToArray();
                Coherence.CoherencePass.RunAsync(folder.Layout.Coherence, [provider], mounts, ctx, settings.CoherenceTrials, settings.CoherenceLimitMs, CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
            catch (Exception e) { Console.WriteLine($"// fsbench: coherence on {provider.Name} not run: {e.Message}"); }
        }
        Console.WriteLine($"// fsbench: stopping {provider.Name} after repetition {repetition + 1}");
        try
        {
            ProviderCycles.TimeAsync(folder, repetition, provider.Name, "stop", () => provider.StopAsync(ctx, CancellationToken.None)).GetAwaiter().GetResult();
        }
        catch (Exception e) { Console.WriteLine($"// fsbench: stopping {provider.Name} failed: {e.Message}"); }
    }
}
