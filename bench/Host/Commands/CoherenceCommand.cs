using System.CommandLine;
using FsBench.Host.Benchmarks;
using FsBench.Host.Coherence;
using FsBench.Host.Study;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench coherence [--providers P,...] [--trials N] [--limit-ms MS] [--out DIR]: the cross-side coherence scenario on
/// its own (a study runs it after its known bugs): a run folder with its manifest and coherence.csv, no benchmark cases.
/// </summary>
public static class CoherenceCommand
{
    public const int MaxTrials = 10_000;

    public static Command Create()
    {
        var providers = new Option<string[]>("--providers") { Description = "comma-separated providers (default: every one available here)",
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray() };
        var trials = new Option<int>("--trials") { Description = "rounds per provider, each of every kind of change", DefaultValueFactory = _ => 20 };
        var limit = new Option<int>("--limit-ms") { Description = "how long the guest may show the old state before a trial counts as not observed", DefaultValueFactory = _ => CoherencePass.DefaultLimitMs };
        var outDir = OutOption.Create("the run folder (default: results/<run-id>)");
        var results = new Option<string>("--results") { Description = "where run folders go", DefaultValueFactory = _ => "results" };
        var scratch = ScratchOption.Create();
        var probe = new Option<string>("--probe") { Description = "the probe binary (NativeAOT)", DefaultValueFactory = _ => ".cache/probe/linux-x64/fsprobe" };

        var cmd = new Command("coherence", "The cross-side coherence scenario alone: the host changes files in the share while the guest looks (coherence.csv)")
            { providers, trials, limit, outDir, results, scratch, probe };
        cmd.SetAction(async (parse, ct) =>
        {
            int n = Trials(parse.GetValue(trials));
            if (n == 0) throw new StudyException("--trials: 0 runs nothing (1 to 10000)");
            int limitMs = parse.GetValue(limit);
            if (limitMs is < 1 or > 600_000) throw new StudyException($"--limit-ms: {limitMs} is not a number from 1 to 600000");
            var s = new StudySettings
            {
                Profile = "coherence", CoherenceTrials = n, CoherenceLimitMs = limitMs, Workers = [],
                ScratchDir = Path.GetFullPath(parse.GetValue(scratch)!), ProbePath = Path.GetFullPath(parse.GetValue(probe)!),
            };
            var requested = parse.GetValue(providers) ?? [];
            foreach (var name in requested) Providers.ProviderCatalog.Create(name);   // unknown names fail before anything starts
            string runId = $"{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.MachineName}-coherence";
            return await RunAsync(s, requested, parse.GetValue(outDir) ?? Path.Combine(parse.GetValue(results)!, runId), ct);
        });
        return cmd;
    }

    /// <summary>A trial count from a flag: 0 to <see cref="MaxTrials"/>, else a one-line error.</summary>
    public static int Trials(int n) => n is >= 0 and <= MaxTrials ? n
        : throw new StudyException($"--coherence-trials/--trials: {n} is not a number from 0 to {MaxTrials}");

    private static async Task<int> RunAsync(StudySettings s, string[] requested, string outDir, CancellationToken ct)
    {
        if (!File.Exists(s.ProbePath)) throw new StudyException($"probe binary {s.ProbePath} not found (./run-bench.sh builds it; or pass --probe)");
        var folder = RunFolder.Create(outDir);
        var manifest = await StudyRunner.NewManifestAsync(Path.GetFileName(folder.Dir), s);
        folder.WriteManifest(manifest);
        Console.WriteLine($"fsbench coherence: -> {folder.Dir}");
        var ctx = StudyEnvironment.Context(folder, s);
        var (available, entries) = await StudyRunner.StartProvidersAsync(requested, ctx, ct);
        manifest.Providers = [.. entries.Values];
        manifest.Settings = (s with { Providers = [.. available.Select(p => p.Name)], Mounts = [.. available.SelectMany(p => p.Mounts).Distinct()] }).ToManifest();
        folder.WriteManifest(manifest);
        if (available.Count == 0) { StudyRunner.Finish(folder, manifest, RunStatus.Partial, 0); throw new StudyException("no provider could run here (see above)"); }
        int expected = 0;
        try
        {
            foreach (var p in available)
            {
                if (p.ExclusiveActive)
                {
                    var info = await p.StartAsync(ctx, ct);
                    StudyRunner.Describe(entries[p.Name], info);
                    folder.WriteManifest(manifest);
                }
                try
                {
                    expected += p.Mounts.Count(m => p.HostShareDir(ctx, m) is not null) * s.CoherenceTrials * CoherenceKind.All.Count;
                    await CoherencePass.RunAsync(folder.Layout.Coherence, [p], p.Mounts, ctx, s.CoherenceTrials, s.CoherenceLimitMs, ct);
                }
                finally
                {
                    if (p.ExclusiveActive) await p.StopAsync(ctx, CancellationToken.None);
                }
            }
        }
        finally
        {
            foreach (var p in available.Where(p => !p.ExclusiveActive))
            {
                try { await p.StopAsync(ctx, CancellationToken.None); }
                catch (Exception e) { Console.Error.WriteLine($"fsbench: stopping {p.Name} failed: {e.Message}"); }
            }
        }
        int rows = CoherenceRow.ReadIfPresent(folder.Dir).Count;
        string status = rows >= expected ? RunStatus.Complete : RunStatus.Partial;
        StudyRunner.Finish(folder, manifest, status, 0);
        Console.WriteLine($"fsbench coherence: {rows}/{expected} trials; run {status}: {folder.Dir}");
        return status == RunStatus.Complete ? 0 : 3;

    }
}
