using BenchmarkDotNet.Running;
using FsBench.Host.Benchmarks;
using FsBench.Host.Providers;

namespace FsBench.Host.Study;

/// <summary>
/// One run of the study: create the run folder, start the providers this machine has, let
/// BenchmarkDotNet measure every case, stop the providers, and say whether the run is complete.
/// </summary>
public static class StudyRunner
{
    public static async Task<int> RunAsync(StudySettings settings, string[] requestedProviders, string outDir, CancellationToken ct)
    {
        if (!File.Exists(settings.ProbePath))
            throw new StudyException($"probe binary {settings.ProbePath} not found (./run-bench.sh builds it; or pass --probe)");
        var folder = RunFolder.Create(outDir);
        string runId = Path.GetFileName(folder.Dir);
        var manifest = await NewManifestAsync(runId, settings);
        folder.WriteManifest(manifest);
        Console.WriteLine($"fsbench: run {runId} -> {folder.Dir}");

        var ctx = StudyEnvironment.Context(folder, settings);
        var (started, entries) = await StartProvidersAsync(requestedProviders, ctx, ct);
        manifest = manifest with { Providers = entries };
        folder.WriteManifest(manifest);
        if (started.Count == 0) { Finish(folder, manifest, RunStatus.Partial, 0); throw new StudyException("no provider could run here (see above)"); }

        var mounts = settings.Mounts.Length > 0 ? settings.Mounts : started.SelectMany(p => p.Mounts).Distinct().ToArray();
        settings = settings with { Mounts = mounts, Providers = started.Select(p => p.Name).ToArray() };
        manifest = manifest with { Settings = settings.ToManifest() };
        folder.WriteSettings(settings);
        folder.WriteManifest(manifest);
        Environment.SetEnvironmentVariable(StudyEnvironment.RunDirVar, folder.Dir);

        int expected = started.Sum(p => settings.Workers.Length * settings.Ops.Sum(op => mounts.Count(m => StudyConfig.Applies(p, op, m))));
        Console.WriteLine($"fsbench: {expected} cases on {string.Join(", ", started.Select(p => p.Name))} " +
                          $"({settings.Warmup} warmup + {settings.Iterations} measured batches of {StudySettings.BatchSize} ops each)");
        using var stopOnCancel = ct.Register(() => Finish(folder, manifest, RunStatus.Partial, expected));
        try
        {
            BenchmarkRunner.Run<MetadataBenchmarks>(StudyConfig.Create(folder, settings, started));
            await KnownBugPass.RunAsync(folder, started, mounts, ctx, settings.KnownBugRuns, ct);
        }
        finally
        {
            foreach (var p in started)
            {
                try { await p.StopAsync(ctx, CancellationToken.None); }
                catch (Exception e) { Console.Error.WriteLine($"fsbench: stopping {p.Name} failed: {e.Message}"); }
            }
        }
        int finished = folder.FinishedCases();
        string status = finished >= expected ? RunStatus.Complete : RunStatus.Partial;
        Finish(folder, manifest, status, expected);
        Console.WriteLine($"fsbench: {finished}/{expected} cases finished; run {status}: {folder.Dir}");
        return status == RunStatus.Complete ? 0 : 3;
    }

    private static async Task<(List<IProvider> Started, List<ProviderEntry> Entries)> StartProvidersAsync(string[] requested, ProviderContext ctx, CancellationToken ct)
    {
        var names = requested.Length > 0 ? requested : ProviderCatalog.Names.ToArray();
        var providers = names.Select(ProviderCatalog.Create).ToList();   // an unknown name fails before anything starts
        var started = new List<IProvider>();
        var entries = new List<ProviderEntry>();
        foreach (var p in providers)
        {
            var entry = new ProviderEntry { Name = p.Name, Mounts = [.. p.Mounts] };
            string? reason = await p.UnavailableReasonAsync(ct);
            if (reason is not null)
            {
                Console.WriteLine($"fsbench: skipping {p.Name}: {reason}");
                entries.Add(entry with { Available = false, Reason = reason });
                continue;
            }
            try
            {
                Console.WriteLine($"fsbench: starting {p.Name}");
                var info = await p.StartAsync(ctx, ct);
                entries.Add(entry with
                {
                    Available = true, Acceleration = info.Acceleration,
                    Versions = ManifestValues.Of(info.Versions), Settings = ManifestValues.Of(info.Settings),
                });
                started.Add(p);
            }
            catch (Exception e) when (e is StudyException or IOException or InvalidOperationException)
            {
                Console.WriteLine($"fsbench: {p.Name} failed to start: {e.Message}");
                entries.Add(entry with { Available = false, Reason = $"failed to start: {e.Message}" });
                await p.StopAsync(ctx, CancellationToken.None);
            }
        }
        return (started, entries);
    }

    private static async Task<BenchManifest> NewManifestAsync(string runId, StudySettings settings) => new()
    {
        RunId = runId,
        Status = RunStatus.Running,
        StartedUtc = DateTimeOffset.UtcNow,
        Profile = settings.Profile,
        Settings = settings.ToManifest(),
        Host = HostFacts.Host(),
        Virtualization = HostFacts.Virtualization(),
        Tools = HostFacts.Tools(),
        Git = await HostFacts.GitAsync(AppContext.BaseDirectory),
    };

    private static void Finish(RunFolder folder, BenchManifest manifest, string status, int expected) =>
        folder.WriteManifest(manifest with
        {
            Status = status,
            EndedUtc = DateTimeOffset.UtcNow,
            LoadavgAtEnd = HostFacts.LoadAverage(),
            CasesExpected = expected,
            CasesFinished = folder.FinishedCases(),
        });
}
