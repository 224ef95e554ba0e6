using System.CommandLine;
using FsBench.Host.Study;
using FsBench.Probe.Ops;
using FsBench.Protocol;

namespace FsBench.Host.Commands;

/// <summary>fsbench run: measure the study on the named providers (or every provider available here).</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "smoke | standard | thorough", DefaultValueFactory = _ => "standard" };
        profile.AcceptOnlyFromAmong(StudySettings.ProfileNames);
        var providers = new Option<string[]>("--providers") { Description = "comma-separated providers (default: every one available here)", CustomParser = Csv };
        var ops = new Option<string[]>("--ops") { Description = "comma-separated operations (default: all)", CustomParser = Csv };
        var workers = new Option<int[]>("--workers") { Description = "comma-separated worker counts (default: the profile's: 4 for smoke, 1,16 for standard, 1,4,16 for thorough)", CustomParser = ParseWorkers };
        var mounts = new Option<string[]>("--mounts") { Description = "comma-separated mount modes: bind,overlay,volume (default: all a provider has)", CustomParser = Csv };
        var layout = new Option<string>("--layout") { Description = "private (a directory per worker) | shared (one directory)", DefaultValueFactory = _ => Layouts.Private };
        layout.AcceptOnlyFromAmong(Layouts.All);
        var workloads = new Option<string[]>("--workloads") { Description = "comma-separated workloads (default: the profile's; none: no workloads)", CustomParser = Csv };
        var traces = new Option<string>("--traces") { Description = "where the workload traces are", DefaultValueFactory = _ => Workloads.WorkloadCatalog.DefaultTracesDir() };
        var outDir = OutOption.Create("the run folder (default: results/<run-id>)");
        var results = new Option<string>("--results") { Description = "where run folders go", DefaultValueFactory = _ => "results" };
        var scratch = ScratchOption.Create();
        var repetitions = new Option<int?>("--repetitions") { Description = "launches per case, providers in a new random order each (default: the profile's)" };
        var seed = new Option<int?>("--seed") { Description = "seed of the providers' order in each repetition (default: random, recorded)" };
        var coherence = new Option<int?>("--coherence-trials") { Description = "rounds of the cross-side coherence scenario per provider (default: the profile's; 0: none)" };
        var freshGuest = new Option<bool>("--fresh-guest")
        {
            Description = "boot each provider that declares it (the QEMU guests) anew for every repetition, so the intervals include boot-to-boot variation " +
                          "(default: on; --fresh-guest false keeps one guest for the whole run)",
            DefaultValueFactory = _ => true,
        };
        var probe = new Option<string>("--probe") { Description = "the probe binary (NativeAOT)", DefaultValueFactory = _ => ".cache/probe/linux-x64/fsprobe" };

        var cmd = new Command("run", "Run the study and write a run folder") { profile, providers, ops, workers, mounts, layout, workloads, traces, outDir, results, scratch, probe, repetitions, seed, coherence, freshGuest };
        cmd.SetAction(async (parse, ct) =>
        {
            var s = StudySettings.ForProfile(parse.GetValue(profile)!);
            var opList = parse.GetValue(ops) is { Length: > 0 } o ? o : OperationCatalog.Names;
            if (opList.FirstOrDefault(x => OperationCatalog.Find(x) is null) is { } badOp)
                throw new StudyException($"unknown op '{badOp}' (known: {string.Join(",", OperationCatalog.Names)})");
            if (parse.GetValue(repetitions) is { } reps && reps is < 1 or > 100)
                throw new StudyException($"--repetitions: {reps} is not a number from 1 to 100");
            var mountList = parse.GetValue(mounts) ?? [];
            if (mountList.FirstOrDefault(m => !Providers.MountModes.All.Contains(m)) is { } badMount)
                throw new StudyException($"unknown mount mode '{badMount}' (bind|overlay|volume)");
            s = s with
            {
                Ops = opList,
                Workers = parse.GetValue(workers) is { Length: > 0 } w ? w : s.Workers,
                Mounts = mountList,
                Layout = parse.GetValue(layout)!,
                Repetitions = parse.GetValue(repetitions) ?? s.Repetitions,
                Seed = parse.GetValue(seed) ?? 0,
                FreshGuest = parse.GetValue(freshGuest),
                CoherenceTrials = CoherenceCommand.Trials(parse.GetValue(coherence) ?? s.CoherenceTrials),
                ScratchDir = Path.GetFullPath(parse.GetValue(scratch)!),
                ProbePath = Path.GetFullPath(parse.GetValue(probe)!),
            };
            s = s with { Workloads = WorkloadOption(parse.GetValue(workloads), s.Profile), TracesDir = Path.GetFullPath(parse.GetValue(traces)!) };
            foreach (var name in parse.GetValue(providers) ?? []) Providers.ProviderCatalog.Create(name);   // unknown names fail here
            foreach (var wl in s.Workloads)
            foreach (var t in Workloads.WorkloadCatalog.Find(wl)!.Setup.Append(wl))
                if (!File.Exists(Workloads.WorkloadCatalog.TracePath(s.TracesDir, t)))
                    throw new StudyException($"workload trace {Workloads.WorkloadCatalog.TracePath(s.TracesDir, t)} is missing (bench/workloads/record-traces.sh makes it)");
            string runId = $"{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.MachineName}-{s.Profile}";
            string dir = parse.GetValue(outDir) ?? Path.Combine(parse.GetValue(results)!, runId);
            return await StudyRunner.RunAsync(s, parse.GetValue(providers) ?? [], dir, ct);
        });
        return cmd;
    }

    private static string[] WorkloadOption(string[]? given, string profile)
    {
        if (given is null || given.Length == 0) return Workloads.WorkloadCatalog.ForProfile(profile);
        if (given is ["none"]) return [];
        if (given.FirstOrDefault(w => Workloads.WorkloadCatalog.Find(w) is null) is { } bad)
            throw new StudyException($"unknown workload '{bad}' (known: {string.Join(",", Workloads.WorkloadCatalog.Names)}, or none)");
        return given;
    }

    private static string[] Csv(System.CommandLine.Parsing.ArgumentResult r) =>
        r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static int[] ParseWorkers(System.CommandLine.Parsing.ArgumentResult r)
    {
        var values = new List<int>();
        foreach (var s in Csv(r))
        {
            if (int.TryParse(s, out int n) && n is >= 1 and <= 256) values.Add(n);
            else r.AddError($"--workers: '{s}' is not a number from 1 to 256");
        }
        return values.ToArray();
    }
}
