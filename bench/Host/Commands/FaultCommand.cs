using System.CommandLine;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Faults;
using FsBench.Host.Soak;
using FsBench.Host.Study;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench fault --provider P --kind pause|freeze|stall|kill|sleep [--seconds N] [--run DIR] [--out DIR]: injects one
/// fault into a provider that a run or a soak is measuring in another terminal, and records what it did into its own
/// run folder (manifest kind "fault", events.csv, the fault's window by the wall clock), so the analysis sees it.
/// The kinds and their mechanisms are the provider's own (<see cref="IProvider.Faults"/>), as in `soak --faults`.
/// </summary>
public static class FaultCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "the provider to fault (see fsbench providers)", Required = true };
        var kind = new Option<string>("--kind") { Description = $"{FaultNames.List} (what each provider supports: README, Faults)", DefaultValueFactory = _ => "freeze" };
        kind.AcceptOnlyFromAmong(FaultNames.All.Select(f => f.Name()).ToArray());
        var seconds = new Option<int>("--seconds") { Description = "how long the fault lasts (not for kill)", DefaultValueFactory = _ => 60 };
        seconds.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--seconds must be at least 1"); });
        var run = new Option<string?>("--run") { Description = "the run folder being measured, whose state/ holds the provider's processes (QEMU guests need it)" };
        var outDir = new Option<string?>("--out") { Description = "where to record the fault (default: results/<id>-fault-<provider>)" };
        var results = new Option<string>("--results") { Description = "where run folders go", DefaultValueFactory = _ => "results" };

        var cmd = new Command("fault", $"Inject one fault ({string.Join(", ", FaultNames.All.Select(f => f.Name()))}) into a running provider and record it") { provider, kind, seconds, run, outDir, results };
        cmd.SetAction(async (parse, ct) =>
        {
            string p = parse.GetValue(provider)!;
            var fault = FaultNames.Parse(parse.GetValue(kind)!)!.Value;
            var duration = fault.Lasts() ? TimeSpan.FromSeconds(parse.GetValue(seconds)) : (TimeSpan?)null;
            var target = parse.GetValue(run) is { } r ? Path.GetFullPath(r) : null;
            if (target is not null && !Directory.Exists(Path.Combine(target, "state")))
                throw new StudyException($"--run {target}: no state/ folder there (give the folder of the run or soak being measured)");

            var injector = ProviderCatalog.Create(p).Faults(TargetContext(p, target));
            if (injector.WhyNot(fault) is { } why) throw new StudyException($"{p} cannot {fault.Name()}: {why}");

            string runId = $"{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.MachineName}-fault-{p}";
            var folder = SoakFolder.CreateForFault(parse.GetValue(outDir) ?? Path.Combine(parse.GetValue(results)!, runId));
            var manifest = await FaultManifest.NewAsync(Path.GetFileName(folder.Dir), p, fault, duration, injector.Supported[fault], target);
            folder.WriteManifest(manifest);
            Console.WriteLine($"fsbench fault: {fault.Name()} {p}{(duration is { } d ? $" for {d.TotalSeconds:0} s" : "")}: {injector.Supported[fault]} -> {folder.Dir}");

            var clock = new SoakClock();
            var runner = new FaultRunner([new FaultAction(fault, 1, TimeSpan.Zero, duration)], injector, clock, folder.AppendEvent);
            await runner.RunAsync(ct);
            FaultManifest.Finish(manifest, runner, ct.IsCancellationRequested);
            folder.WriteManifest(manifest);
            var w = runner.Windows.SingleOrDefault();
            if (w is null) throw new StudyException($"{p}: the {fault.Name()} was not injected (see {folder.Layout.Events})");
            Console.WriteLine($"fsbench fault: {w.StartUtc:o} to {w.EndUtc:o}, {(fault.Lasts() ? "lifted" : "done")}");
            return 0;
        });
        return cmd;
    }

    /// <summary>The provider's context in the measured run (its state/), or a bare one (the podman machines find their VMM by name).</summary>
    private static ProviderContext TargetContext(string provider, string? runDir) => runDir is null
        ? new ProviderContext($"fault-{provider}", Path.Combine(Path.GetTempPath(), $"fsbench-fault-{provider}"), "", "", TimeSpan.FromMinutes(1))
        : new ProviderContext(Path.GetFileName(runDir), Path.Combine(runDir, "state"), "", "", TimeSpan.FromMinutes(1));
}
