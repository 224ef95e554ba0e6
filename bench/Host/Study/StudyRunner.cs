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
        foreach (var left in RunScratch.RemoveLeftovers(settings.ScratchDir)) Console.WriteLine($"fsbench: removed the scratch a killed run left: {left}");
        RunScratch.Claim(settings.ScratchDir, runId);

        var ctx = StudyEnvironment.Context(folder, settings);
        var (available, entries) = await StartProvidersAsync(requestedProviders, ctx, ct);
        manifest.Providers = [.. entries.Values];
        folder.WriteManifest(manifest);
        if (available.Count == 0) { Finish(folder, manifest, RunStatus.Partial, 0); throw new StudyException("no provider could run here (see above)"); }

        var mounts = settings.Mounts.Length > 0 ? settings.Mounts : available.SelectMany(p => p.Mounts).Distinct().ToArray();
        settings = settings with
        {
            Mounts = mounts, Providers = available.Select(p => p.Name).ToArray(),
            Seed = settings.Seed != 0 ? settings.Seed : Random.Shared.Next(1, int.MaxValue),
        };
        var plan = RepetitionPlan.Create(settings.Providers, available.Where(p => p.ExclusiveActive).Select(p => p.Name).ToHashSet(),
            settings.Repetitions, settings.Seed);
        manifest.Settings = settings.ToManifest();
        manifest.Repetitions = [.. plan.Select(r => new RepetitionInfo
        {
            Index = r.Index, Order = [.. r.Order],
            Segments = [.. r.Segments.Select(g => new RepetitionSegmentInfo { Providers = [.. g.Providers], Exclusive = g.Exclusive })],
        })];
        folder.WriteSettings(settings);
        folder.WriteManifest(manifest);
        Environment.SetEnvironmentVariable(StudyEnvironment.RunDirVar, folder.Dir);

        var expectedCases = available.SelectMany(p => settings.Ops.SelectMany(op => mounts.Where(m => StudyConfig.Applies(p, op, m))
            .SelectMany(m => settings.Workers.Select(w => new CaseKey(p.Name, m, op, w))))).ToList();
        int expected = expectedCases.Count;
        Console.WriteLine($"fsbench: {expected} cases on {string.Join(", ", available.Select(p => p.Name))}, {settings.Repetitions} launches each " +
                          $"({settings.Warmup} warmup batches of {settings.WarmupBatchSizeOps} + {settings.Iterations} measured batches of {settings.BatchSizeOps} ops per launch; order seed {settings.Seed})");
        var shared = available.Where(p => !p.ExclusiveActive).ToList();
        var switcher = new ExclusiveSwitcher(folder, settings, available.ToDictionary(p => p.Name), ctx, (p, info) =>
        {
            lock (manifest) { Describe(entries[p.Name], info); folder.WriteManifest(manifest); }
        });
        int stopped = 0;
        async Task StopEverythingAsync()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 1) return;
            switcher.Stop();
            foreach (var p in shared)
            {
                try { await p.StopAsync(ctx, CancellationToken.None); }
                catch (Exception e) { Console.Error.WriteLine($"fsbench: stopping {p.Name} failed: {e.Message}"); }
            }
            RunScratch.Remove(settings.ScratchDir, runId);   // what was measured is in the run folder; the files it was measured on go
        }
        // SIGINT/SIGTERM: BenchmarkDotNet's runner does not watch the token, so the run stops here: the marker keeps its
        // children from opening sessions or restarting a provider, the providers stop, and the process exits (130); the
        // run folder stays, partial.
        using var stopOnCancel = ct.Register(() =>
        {
            folder.MarkInterrupted();
            Console.Error.WriteLine($"fsbench: interrupted: stopping the providers; what was measured stays in {folder.Dir} (partial)");
            Finish(folder, manifest, RunStatus.Partial, expected);
            if (!StopEverythingAsync().Wait(TimeSpan.FromSeconds(45)))
                Console.Error.WriteLine("fsbench: the providers did not stop within 45 s");
            Environment.Exit(130);
        });
        try
        {
            foreach (var repetition in plan)
                Console.WriteLine($"fsbench: repetition {repetition.Index + 1}/{plan.Count}: " +
                                  string.Join(" | ", repetition.Segments.Select(s => string.Join(", ", s.Providers) + (s.Exclusive ? " (alone)" : ""))));
            try
            {
                var summary = BenchmarkRunner.Run<MetadataBenchmarks>(StudyConfig.Create(folder, settings, available, plan, switcher,
                    settings.FreshGuest ? new FreshGuestRebooter(folder, shared, ctx) : null));
                FailedCases.Record(folder, expectedCases, FailedCases.Reasons(summary), settings.Layout);
            }
            finally { switcher.Stop(); }
            lock (manifest)
            {
                manifest.WorkloadTraces = Workloads.WorkloadPass.Describe(settings).ToDictionary(kv => kv.Key, kv => System.Text.Json.JsonSerializer.SerializeToElement(kv.Value));
                folder.WriteManifest(manifest);
            }
            await Workloads.WorkloadPass.RunAsync(folder, shared, settings, ctx, ct);
            await KnownBugPass.RunAsync(folder, shared, mounts, ctx, settings.KnownBugRuns, ct);
            await Coherence.CoherencePass.RunAsync(folder.Layout.Coherence, shared, mounts, ctx, settings.CoherenceTrials, settings.CoherenceLimitMs, ct);
        }
        finally { await StopEverythingAsync(); }
        int finished = folder.FinishedCases();
        string status = finished >= expected ? RunStatus.Complete : RunStatus.Partial;
        Finish(folder, manifest, status, expected);
        Console.WriteLine($"fsbench: {finished}/{expected} cases finished; run {status}: {folder.Dir}");
        return status == RunStatus.Complete ? 0 : 3;
    }

    internal static void Describe(ProviderEntry entry, ProviderInfo info)
    {
        entry.Available = true;
        entry.Acceleration = info.Acceleration;
        entry.Versions = ManifestValues.Of(info.Versions);
        entry.Settings = ManifestValues.Of(info.Settings);
    }

    /// <summary>
    /// Starts the providers that can run side by side; an exclusive one is only checked here (it starts in its own
    /// segments). Returns every provider that can be measured and each one's manifest entry (in the order asked).
    /// </summary>
    internal static async Task<(List<IProvider> Available, Dictionary<string, ProviderEntry> Entries)> StartProvidersAsync(
        string[] requested, ProviderContext ctx, CancellationToken ct)
    {
        var names = requested.Length > 0 ? requested : ProviderCatalog.Names.ToArray();
        var providers = names.Select(ProviderCatalog.Create).ToList();   // an unknown name fails before anything starts
        var started = new List<IProvider>();
        var entries = new Dictionary<string, ProviderEntry>();
        foreach (var p in providers)
        {
            var entry = new ProviderEntry { Name = p.Name, Mounts = [.. p.Mounts] };
            entries[p.Name] = entry;
            string? reason = await p.UnavailableReasonAsync(ct);
            if (reason is not null)
            {
                Console.WriteLine($"fsbench: skipping {p.Name}: {reason}");
                (entry.Available, entry.Reason) = (false, reason);
                continue;
            }
            if (p.ExclusiveActive)
            {
                Console.WriteLine($"fsbench: {p.Name} runs alone: started and stopped around its cases in each repetition");
                (entry.Available, entry.ExclusiveActive) = (true, true);
                started.Add(p);
                continue;
            }
            try
            {
                Console.WriteLine($"fsbench: starting {p.Name}");
                Describe(entry, await p.StartAsync(ctx, ct));
                started.Add(p);
            }
            catch (Exception e) when (e is StudyException or IOException or InvalidOperationException)
            {
                Console.WriteLine($"fsbench: {p.Name} failed to start: {e.Message}");
                (entry.Available, entry.Reason) = (false, $"failed to start: {e.Message}");
                await p.StopAsync(ctx, CancellationToken.None);
            }
        }
        return (started, entries);
    }

    internal static async Task<BenchManifest> NewManifestAsync(string runId, StudySettings settings) => new()
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

    internal static void Finish(RunFolder folder, BenchManifest manifest, string status, int expected) =>
        folder.WriteManifest(manifest with
        {
            Status = status,
            EndedUtc = DateTimeOffset.UtcNow,
            LoadavgAtEnd = HostFacts.LoadAverage(),
            CasesExpected = expected,
            CasesFinished = folder.FinishedCases(),
        });
}
