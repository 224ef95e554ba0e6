using FsBench.Host.Study;

namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>
/// Carries out a <see cref="MacStudyPlan"/> step by step, saving the plan after every change of a step's status.
/// Before a machine step it lists every machine of every provider: a running machine the study does not own stops
/// the study (one line, naming it); one of its own left running by an interrupted step is stopped. Each machine step
/// starts exactly its provider's machine and stops it at the end, timing both into opcost.csv. A measuring step
/// that fails is recorded as failed and the study goes on (its folder stays); the exit code is then 3.
/// </summary>
public sealed class MacStudyRunner(IMacStudyTools tools, string studyDir, MacStudyPlan plan, MacStudyPaths paths, Action<string> say)
{
    /// <summary>Set by mac-study for its child runs: the machine is started and stopped by the study, not by the provider.</summary>
    public const string ManagedVar = "FSBENCH_MACHINE_MANAGED";

    private readonly OpCostLog _cost = new(Path.Combine(studyDir, "opcost.csv"));

    public static bool Owns(string machine) => machine.StartsWith("fsbench-", StringComparison.Ordinal)
        && machine["fsbench-".Length..] is "applehv" or "libkrun";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        int failed = 0;
        foreach (var step in plan.Steps.Where(s => s.Status != MacStepStatus.Done))
        {
            step.Status = MacStepStatus.Running;
            step.Started = DateTime.UtcNow;
            step.Attempts++;
            step.Detail = null;
            plan.Save(studyDir);
            say($"step {step.Id}{(step.Attempts > 1 ? $" (attempt {step.Attempts})" : "")}");
            try
            {
                await ExecuteAsync(step, ct);
                step.Status = MacStepStatus.Done;
            }
            catch (StudyException e) when (ForeignMachine.Of(e) is not null)
            {
                step.Status = MacStepStatus.Pending;   // it did not run: a resumed study runs it
                throw;
            }
            catch (StudyException e) when (step.Kind is MacStepKind.Bench or MacStepKind.Soak or MacStepKind.Gpu)
            {
                step.Status = MacStepStatus.Failed;
                step.Detail = e.Message;
                failed++;
                say($"step {step.Id} failed: {e.Message}");
            }
            catch (StudyException e)
            {
                step.Status = MacStepStatus.Failed;
                step.Detail = e.Message;
                throw;
            }
            finally
            {
                step.Finished = DateTime.UtcNow;
                plan.Save(studyDir);   // an interrupted step stays "running": a resumed study runs it again
            }
        }
        return failed == 0 ? 0 : 3;
    }

    private Task ExecuteAsync(MacStep step, CancellationToken ct) => step.Kind switch
    {
        MacStepKind.Preflight => PreflightAsync(ct),
        MacStepKind.OpCost => OpCostAsync(step, ct),
        MacStepKind.Bench => WithMachineAsync(step, () => ChildAsync(step, "bench",
            ["run", "--providers", step.Provider!, "--profile", plan.Settings.Profile, "--probe", paths.Probe, "--results", paths.Results], ct), ct),
        MacStepKind.Soak => WithMachineAsync(step, () => ChildAsync(step, "soak",
            ["soak", "--provider", step.Provider!, "--duration", plan.Settings.SoakDuration, "--faults", plan.Settings.SoakFaults, "--probe", paths.Probe], ct), ct),
        MacStepKind.Gpu => WithMachineAsync(step, () => GpuAsync(step, ct), ct),
        MacStepKind.Memo => MemoAsync(ct),
        _ => CleanupAsync(step, ct),
    };

    private async Task PreflightAsync(CancellationToken ct)
    {
        var checks = await tools.PreflightAsync(ct);
        File.WriteAllLines(Path.Combine(studyDir, "preflight.txt"), checks.Select(c => c.ToString()));
        foreach (var c in checks) say(c.ToString());
        if (checks.FirstOrDefault(c => !c.Ok) is { } bad)
        {
            if (checks.Where(c => !c.Ok).Select(c => c.Name).Contains("no other active machine"))
                throw new StudyException($"preflight: {bad.Found} -> {bad.Remedy}");
            throw new StudyException($"preflight failed ({checks.Count(c => !c.Ok)} check(s), see {Path.Combine(studyDir, "preflight.txt")}): {bad.Name}: {bad.Remedy}");
        }
    }

    /// <summary>Makes the provider's machine anew and times it: init, first start, the in-machine checks, stop, warm start, stop.</summary>
    private async Task OpCostAsync(MacStep step, CancellationToken ct)
    {
        var cmds = Commands(step.Provider!);
        await EnsureAloneAsync(step, ct);
        if ((await tools.PodmanAsync(cmds.Inspect(), ct)).IsSuccess) await TimedAsync(step, cmds.Remove(), "remove_previous", ct);
        await TimedAsync(step, cmds.Init(paths.Machine), "init", ct);
        await TimedAsync(step, cmds.Start(), "first_start", ct);
        try { await MachineChecksAsync(step, cmds, ct); }
        finally { await TimedAsync(step, cmds.Stop(), "stop", ct); }
        await TimedAsync(step, cmds.Start(), "warm_start", ct);
        await TimedAsync(step, cmds.Stop(), "stop", ct);
    }

    /// <summary>In the running machine: a touch through the bind mount of the workspace, and the probe answering hello in the image.</summary>
    private async Task MachineChecksAsync(MacStep step, MachineCommands cmds, CancellationToken ct)
    {
        Directory.CreateDirectory(paths.Machine.Workspace);
        foreach (var (what, inv, stdin) in MachineChecks.Invocations(cmds.Connection, paths.Machine, paths.GuestProbe))
        {
            var r = await tools.PodmanAsync(inv, ct, stdin);
            string? problem = MachineChecks.Problem(what, r, paths.Machine.Image);
            say(problem is null ? $"ok    {step.Provider}: {what}" : $"FAIL  {step.Provider}: {problem}");
            if (problem is not null) throw new StudyException($"{step.Provider}: {problem}");
        }
    }

    private async Task WithMachineAsync(MacStep step, Func<Task> body, CancellationToken ct)
    {
        var cmds = Commands(step.Provider!);
        await EnsureAloneAsync(step, ct);
        await TimedAsync(step, cmds.Start(), "warm_start", ct);
        try { await body(); }
        finally { await TimedAsync(step, cmds.Stop(), "stop", CancellationToken.None, mustSucceed: false); }
    }

    private async Task ChildAsync(MacStep step, string folder, List<string> args, CancellationToken ct)
    {
        string root = Path.Combine(studyDir, folder);
        Directory.CreateDirectory(root);
        string name = step.Kind == MacStepKind.Bench ? $"r{step.Repetition}-{step.Provider}" : step.Provider!;
        step.Out = FreeFolder(Path.Combine(root, name));   // an earlier attempt's folder stays as it is
        plan.Save(studyDir);
        int exit = await tools.HostAsync([.. args, "--out", step.Out], new Dictionary<string, string> { [ManagedVar] = "1" }, step.Out + ".log", ct);
        RecordFreezes(step);
        if (exit != 0) throw new StudyException($"{string.Join(' ', args.Take(3))} exited {exit} (see {step.Out}.log)");
    }

    /// <summary>The freezes of the step's machine while it ran, into its folder: channel failures inside them are the freeze's.</summary>
    private void RecordFreezes(MacStep step)
    {
        var windows = FreezeLedger.Read(paths.Machine.Workspace)
            .Where(w => w.Machine == MachineCommands.MachineNameFor(step.Provider!) && w.EndUtc >= step.Started && w.StartUtc <= DateTime.UtcNow).ToList();
        if (windows.Count == 0 || step.Out is null || !Directory.Exists(step.Out)) return;
        RunFormatCsv.WriteAll(Path.Combine(step.Out, RunFolderLayout.FreezeWindowsFile), windows.Select(w => w.ToRow()));
    }

    /// <summary>The path itself when nothing is there yet, else PATH-try2, PATH-try3, ...</summary>
    public static string FreeFolder(string path)
    {
        if (!Directory.Exists(path) && !File.Exists(path + ".log")) return path;
        for (int k = 2; ; k++)
            if (!Directory.Exists($"{path}-try{k}") && !File.Exists($"{path}-try{k}.log")) return $"{path}-try{k}";
    }

    private async Task GpuAsync(MacStep step, CancellationToken ct)
    {
        step.Out = Path.Combine(studyDir, "gpu");
        plan.Save(studyDir);
        int exit = await tools.HostAsync(["gpu", "--provider", step.Provider!, "--out", studyDir], new Dictionary<string, string> { [ManagedVar] = "1" },
            Path.Combine(studyDir, $"gpu-{step.Provider}.log"), ct);
        if (exit != 0) throw new StudyException($"gpu --provider {step.Provider} exited {exit}");
    }

    private async Task MemoAsync(CancellationToken ct)
    {
        var folders = plan.Steps.Where(s => s.Status == MacStepStatus.Done && s.Kind is MacStepKind.Bench or MacStepKind.Soak && s.Out is not null)
            .Select(s => s.Out!).ToList();
        if (folders.Count == 0) throw new StudyException("no benchmark or soak step finished: nothing to write a memo from");
        int exit = await tools.AnalysisAsync(["report", .. folders], ct);
        if (exit != 0) throw new StudyException($"analysis report exited {exit}; the measurements are kept in {studyDir}");
    }

    private async Task CleanupAsync(MacStep step, CancellationToken ct)
    {
        if (plan.Settings.KeepMachines) return;
        foreach (var p in plan.Settings.Providers)
        {
            var cmds = Commands(p);
            if ((await tools.PodmanAsync(cmds.Inspect(), ct)).IsSuccess)
                await TimedAsync(step, cmds.Remove(), "remove", ct, mustSucceed: true, provider: p);
        }
    }

    /// <summary>
    /// Every machine of every provider: a foreign one running stops the study; one of the study's own still running
    /// (an interrupted step) is stopped, so the next start is the only machine up.
    /// </summary>
    private async Task EnsureAloneAsync(MacStep step, CancellationToken ct)
    {
        var list = await tools.PodmanAsync(MachineCommands.ListAll(tools.Podman), ct);
        if (!list.IsSuccess) throw new StudyException($"podman machine list failed (exit {list.ExitCode}): {Tool.LastLine(list.StandardError)}");
        var machines = MachineListEntry.Parse(list.StandardOutput);
        if (machines.FirstOrDefault(m => (m.Running || m.Starting) && !Owns(m.Name)) is { } foreign) throw ForeignMachine.Error(foreign);
        foreach (var own in machines.Where(m => (m.Running || m.Starting) && Owns(m.Name)))
        {
            string provider = own.Name["fsbench-".Length..];
            await TimedAsync(step, Commands(provider).Stop(), "stop_leftover", ct, mustSucceed: true, provider);
        }
    }

    private MachineCommands Commands(string provider) => new(provider, MachineCommands.MachineNameFor(provider), tools.Podman);

    private async Task TimedAsync(MacStep step, Invocation inv, string action, CancellationToken ct, bool mustSucceed = true, string? provider = null)
    {
        provider ??= step.Provider!;
        var r = await tools.PodmanAsync(inv, ct);
        _cost.Append(step.Id, provider, MachineCommands.MachineNameFor(provider), action, r);
        if (!r.IsSuccess && mustSucceed)
            throw new StudyException($"{inv} failed (exit {r.ExitCode}): {Tool.LastLine(r.StandardError)}");
    }
}
