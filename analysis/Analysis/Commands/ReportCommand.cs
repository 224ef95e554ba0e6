using System.CommandLine;
using Analysis.Decision;
using Analysis.Memo;

namespace Analysis.Commands;

/// <summary>
/// <c>analysis report &lt;folder&gt;... [--incumbent X --candidate Y] [--svg] [--fd-limit N]</c>: benchmark, soak and
/// fault folders alike. Writes the decision memo (<c>memo.md</c>, <c>findings.md</c>, <c>evidence-plan.json</c>) into
/// the first benchmark folder (else the first folder), an <c>appendix.md</c> and <c>figures/</c> into each folder.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var folders = SharedOptions.Runs("run-dir", "Benchmark, soak and fault folders; all count for one decision memo, each labelled by its host.", 1);
        var threshold = SharedOptions.Threshold();
        var noise = SharedOptions.Noise();
        var incumbent = new Option<string?>("--incumbent") { Description = "The provider today's mitigations work around (default: applehv, or the AVF fault model in a rehearsal)." };
        var candidate = new Option<string?>("--candidate") { Description = "The provider that might make them unnecessary (default: libkrun, or the clean server in a rehearsal)." };
        var svg = new Option<bool>("--svg") { Description = "Also write every figure as SVG (default: only the headline figures)." };
        var fdLimit = new Option<double>("--fd-limit")
        {
            Description = "Host descriptor limit the VMM's growth is projected to (default 61440, macOS's usual kern.maxfilesperproc).",
            DefaultValueFactory = _ => 61_440,
        };
        fdLimit.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or double.NaN) r.AddError("--fd-limit must be a positive number of descriptors"); });
        var command = new Command("report", "Write the decision memo from benchmark, soak and fault folders, with an appendix and figures per folder.")
        {
            folders, threshold, noise, incumbent, candidate, svg, fdLimit,
        };
        command.SetAction(parsed =>
        {
            var test = SharedOptions.Test(parsed, threshold, noise);
            var dirs = parsed.GetValue(folders)!;
            using var svgScope = FigureFile.WithSvg(parsed.GetValue(svg));
            var soaks = dirs.Where(SoakRun.IsSoak).Select(SoakRun.Open).Select(s => (s, SoakFigures.Draw(s))).ToList();
            var faults = dirs.Where(FaultFolder.IsFault).Select(FaultFolder.Open).ToList();
            var benchRuns = dirs.Where(d => !SoakRun.IsSoak(d) && !FaultFolder.IsFault(d)).Select(Run.Open).ToList();
            if (benchRuns.Count == 0 && soaks.Count == 0)
                throw new BadInputException(dirs[0], "fault folders count only beside the soak they were injected into: give that soak's folder too");
            Run.AssignLabels(benchRuns);
            var analyzer = new RunAnalyzer(test);
            var runs = benchRuns.Select(run => analyzer.Analyze(run)).Select(a => (a, RunFigures.Draw(a))).ToList();

            var providers = runs.SelectMany(r => r.a.Providers).Concat(soaks.Select(s => s.s.Manifest.Settings.Provider)).ToHashSet();
            var roles = Roles.Resolve(parsed.GetValue(incumbent), parsed.GetValue(candidate), providers);
            var evidence = new DecisionEvidence(roles, runs.Select(r => r.a).ToList(), soaks.Select(s => SoakEvidence.Of(s.s, parsed.GetValue(fdLimit), faults)).ToList(), faults);
            var assessments = Mitigations.All.Select(m => Mitigations.Assess(m, evidence)).ToList();

            // The folders of one study (mac-study) get the memo in the study folder; otherwise the first benchmark (else soak) folder.
            var studies = benchRuns.Select(r => r.Directory).Concat(soaks.Select(s => s.s.Directory)).Select(DecisionEvidence.StudyOf).Distinct().ToList();
            string memoDir = studies is [{ } study] ? study : benchRuns.Count > 0 ? benchRuns[0].Directory : soaks[0].s.Directory;
            string memoPath = Path.Combine(memoDir, "memo.md");
            string planPath = Path.Combine(memoDir, EvidencePlan.FileName);
            var plan = EvidencePlan.Of(evidence, assessments, Path.GetRelativePath(Environment.CurrentDirectory, planPath).Replace('\\', '/'));
            plan.Write(memoDir);

            var headlines = Headlines(evidence, runs, soaks, memoDir);
            foreach (var (a, figs) in runs) RunAppendix.Write(a, figs, memoPath);
            foreach (var (s, figs) in soaks) SoakAppendix.Write(s, figs, memoPath);
            FindingsAppendix.Write(memoPath, runs, roles);
            MemoWriter.Write(memoPath, new MemoInputs(runs, soaks, evidence, assessments, plan, planPath, headlines, test));
            int figureCount = runs.Sum(r => r.Item2.Count) + soaks.Sum(s => s.Item2.Count) + headlines.Count(h => !runs.Any(r => r.Item2.Contains(h)) && !soaks.Any(s => s.Item2.Contains(h)));
            parsed.InvocationConfiguration.Output.WriteLine($"wrote {memoPath} ({roles.Incumbent} → {roles.Candidate}), {planPath}, appendices and {figureCount} figures");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// At most four: failures and throughput at the most workers of the first side-by-side run (else the first run),
    /// the GPU trade-off (measured where a run has it, else the published figure), then the workloads as % of native,
    /// the operational cost or a soak timeline, whichever come first. The rest are in the appendices.
    /// </summary>
    private static IReadOnlyList<Figure> Headlines(DecisionEvidence evidence,
        IReadOnlyList<(RunAnalysis a, IReadOnlyList<Figure> f)> runs, IReadOnlyList<(SoakRun s, IReadOnlyList<Figure> f)> soaks, string memoDir)
    {
        var list = new List<Figure>();
        var main = runs.FirstOrDefault(r => evidence.BenchSideBySide.Contains(r.a));
        if (main.a is null && runs.Count > 0) main = runs[0];
        var mainFigures = main.f ?? [];
        int maxWorkers = main.a?.Workers.DefaultIfEmpty(0).Max() ?? 0;
        list.AddRange(mainFigures.Where(f => f.Kind == nameof(FailuresByErrnoFigure)).Take(1));
        list.AddRange(mainFigures.Where(f => f.Kind == nameof(ThroughputVsLocalFigure) && f.Workers == maxWorkers).Take(1));
        var measuredGpu = runs.SelectMany(r => r.f).FirstOrDefault(f => f.Kind == nameof(GpuTradeOffFigure));
        if (measuredGpu is not null) list.Add(measuredGpu);
        else using (FigureFile.WithSvg()) list.Add(GpuDecisionFigure.Draw(runs.Select(r => r.a).ToList(), Path.Combine(memoDir, "figures")));
        // The workloads figure is the memo's one picture of real tools (its table is in the memo's workloads section).
        list.AddRange(runs.SelectMany(r => r.f).Where(f => f.Kind == nameof(WorkloadsVsNativeFigure)).Take(1));
        var cost = mainFigures.FirstOrDefault(f => f.Kind == nameof(OperationalCostFigure));
        var soakFigures = soaks.Where(s => evidence.SoakSideBySide.Any(e => e.Soak == s.s)).Concat(soaks).SelectMany(s => s.f);
        if (cost is not null) list.Add(cost);
        list.AddRange(soakFigures.Where(f => f.Kind == nameof(SoakTimelineFigure)).Take(MemoWriter.MaxHeadlines - list.Count));
        return list.Take(MemoWriter.MaxHeadlines).ToList();
    }
}
