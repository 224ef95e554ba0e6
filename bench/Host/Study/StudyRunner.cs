using System.Text.Json;
using System.Text.Json.Nodes;
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
        var started = await StartProvidersAsync(requestedProviders, ctx, manifest, ct);
        folder.WriteManifest(manifest);
        if (started.Count == 0) { Finish(folder, manifest, "partial", 0); throw new StudyException("no provider could run here (see above)"); }

        var mounts = settings.Mounts.Length > 0 ? settings.Mounts : started.SelectMany(p => p.Mounts).Distinct().ToArray();
        settings = settings with { Mounts = mounts, Providers = started.Select(p => p.Name).ToArray() };
        manifest["settings"] = JsonSerializer.SerializeToNode(settings, StudySettings.Json);
        folder.WriteSettings(settings);
        folder.WriteManifest(manifest);
        Environment.SetEnvironmentVariable(StudyEnvironment.RunDirVar, folder.Dir);

        int expected = started.Sum(p => settings.Workers.Length * settings.Ops.Sum(op => mounts.Count(m => StudyConfig.Applies(p, op, m))));
        Console.WriteLine($"fsbench: {expected} cases on {string.Join(", ", started.Select(p => p.Name))} " +
                          $"({settings.Warmup} warmup + {settings.Iterations} measured batches of {StudySettings.BatchSize} ops each)");
        using var stopOnCancel = ct.Register(() => Finish(folder, manifest, "partial", expected));
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
        string status = finished >= expected ? "complete" : "partial";
        Finish(folder, manifest, status, expected);
        Console.WriteLine($"fsbench: {finished}/{expected} cases finished; run {status}: {folder.Dir}");
        return status == "complete" ? 0 : 3;
    }

    private static async Task<List<IProvider>> StartProvidersAsync(string[] requested, ProviderContext ctx, JsonObject manifest, CancellationToken ct)
    {
        var names = requested.Length > 0 ? requested : ProviderCatalog.Names.ToArray();
        var providers = names.Select(ProviderCatalog.Create).ToList();   // an unknown name fails before anything starts
        var started = new List<IProvider>();
        var entries = new JsonArray();
        foreach (var p in providers)
        {
            var entry = new JsonObject { ["name"] = p.Name, ["mounts"] = new JsonArray(p.Mounts.Select(m => (JsonNode)m).ToArray()) };
            entries.Add(entry);
            string? reason = await p.UnavailableReasonAsync(ct);
            if (reason is not null)
            {
                Console.WriteLine($"fsbench: skipping {p.Name}: {reason}");
                entry["available"] = false;
                entry["reason"] = reason;
                continue;
            }
            try
            {
                Console.WriteLine($"fsbench: starting {p.Name}");
                var info = await p.StartAsync(ctx, ct);
                entry["available"] = true;
                entry["acceleration"] = info.Acceleration;
                entry["versions"] = JsonSerializer.SerializeToNode(info.Versions);
                entry["settings"] = JsonSerializer.SerializeToNode(info.Settings);
                started.Add(p);
            }
            catch (Exception e) when (e is StudyException or IOException or InvalidOperationException)
            {
                Console.WriteLine($"fsbench: {p.Name} failed to start: {e.Message}");
                entry["available"] = false;
                entry["reason"] = $"failed to start: {e.Message}";
                await p.StopAsync(ctx, CancellationToken.None);
            }
        }
        manifest["providers"] = entries;
        return started;
    }

    private static async Task<JsonObject> NewManifestAsync(string runId, StudySettings settings) => new()
    {
        ["run_id"] = runId,
        ["status"] = "running",
        ["started_utc"] = DateTime.UtcNow.ToString("o"),
        ["ended_utc"] = null,
        ["profile"] = settings.Profile,
        ["settings"] = JsonSerializer.SerializeToNode(settings, StudySettings.Json),
        ["host"] = HostFacts.Host(),
        ["virtualization"] = HostFacts.Virtualization(),
        ["providers"] = new JsonArray(),
        ["tools"] = HostFacts.Tools(),
        ["git"] = await HostFacts.GitAsync(AppContext.BaseDirectory),
    };

    private static void Finish(RunFolder folder, JsonObject manifest, string status, int expected)
    {
        manifest["status"] = status;
        manifest["ended_utc"] = DateTime.UtcNow.ToString("o");
        manifest["loadavg_at_end"] = HostFacts.LoadAverage();
        manifest["cases_expected"] = expected;
        manifest["cases_finished"] = folder.FinishedCases();
        folder.WriteManifest(manifest);
    }
}
