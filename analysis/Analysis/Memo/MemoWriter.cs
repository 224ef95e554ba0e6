using System.Text;
using Analysis.Decision;

namespace Analysis.Memo;

/// <summary>Everything the report hands to the memo: the folders with their figures, the decision and its plan.</summary>
public sealed record MemoInputs(
    IReadOnlyList<(RunAnalysis Analysis, IReadOnlyList<Figure> Figures)> Runs,
    IReadOnlyList<(SoakRun Soak, IReadOnlyList<Figure> Figures)> Soaks,
    DecisionEvidence Evidence,
    IReadOnlyList<MitigationAssessment> Assessments,
    EvidencePlan Plan,
    string PlanPath,
    IReadOnlyList<Figure> Headlines,
    DifferenceTest Test);

/// <summary>
/// Writes <c>memo.md</c>, the decision read in two minutes: the roles and the evidence, one table of verdicts with the
/// numbers behind each, the mitigations' evidence per failure class, at most <see cref="MaxHeadlines"/> headline figures,
/// what is missing with the command that gets it, and links to the appendices that hold every per-op table and figure.
/// </summary>
public static class MemoWriter
{
    public const int MaxHeadlines = 4;
    public const string FindingsFile = "findings.md";

    public static string Write(string path, MemoInputs inputs)
    {
        var md = new StringBuilder();
        string memoDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var e = inputs.Evidence;
        var analyses = inputs.Runs.Select(r => r.Analysis).ToList();

        md.AppendLine(e.Roles.Source == RoleSource.Mac
            ? "# Podman on macOS: does `libkrun` fix the virtio-fs failures of `applehv`?"
            : $"# Decision: `{e.Roles.Candidate}` in place of `{e.Roles.Incumbent}`?").AppendLine();
        md.AppendLine("**Question.** Under sustained and concurrent I/O, and across host sleep/wake, Podman's `applehv` provider " +
                      "(Apple's virtio-fs server, via vfkit) now and then fails metadata operations on bind-mounted workspaces " +
                      "(FB16008360; the runner reports `exit_code=4` / `mount_failure`). Does the candidate remove that failure class, " +
                      "at what operational and performance cost, and which mitigations can go?").AppendLine();
        md.AppendLine($"**Roles.** {e.Roles.Sentence}").AppendLine();
        WriteEvidenceList(md, inputs, memoDir);
        var models = analyses.SelectMany(a => a.Providers).Concat(inputs.Soaks.Select(s => s.Soak.Manifest.Settings.Provider))
            .Where(Providers.IsFaultModel).Distinct().ToList();
        if (models.Count > 0)
            md.AppendLine($"> **Fault models, not measurements.** {string.Join(", ", models.Select(m => $"`{m}`"))}: qemu-virtiofs with a FAULT MODEL " +
                          "preloaded into its real virtiofsd (bench/faultmodel), which injects the published misbehaviours of a macOS virtio-fs " +
                          "server at set rates. They are positive controls for the detectors: nothing about them measures `applehv` or `libkrun`.").AppendLine();
        DetectionPowerSection.Write(md, inputs.Soaks.Select(s => s.Soak));

        md.AppendLine("## Verdicts").AppendLine();
        var verdicts = new MarkdownTable("question", "verdict", "the numbers behind it");
        var rel = Questions.Reliability(e);
        verdicts.Add(rel.Question, rel.Verdict, rel.Numbers);
        foreach (var a in inputs.Assessments)
            verdicts.Add($"mitigation: {a.Mitigation.Name}", Mitigations.Word(a.Verdict), a.Summary);
        foreach (var q in new[] { Questions.OperationalCost(e), Questions.Performance(e), Questions.Gpu(e) })
            verdicts.Add(q.Question, q.Verdict, q.Numbers);
        md.AppendLine(verdicts.ToString());

        MitigationsSection.Write(md, inputs.Assessments, e.Roles);
        foreach (var line in analyses.Select(a => CoherenceSection.MemoLine(CoherenceResult.Of(a.Run.Directory))).OfType<string>())
            md.AppendLine(line).AppendLine();

        md.AppendLine("## Headline figures").AppendLine();
        foreach (var f in inputs.Headlines.Take(MaxHeadlines)) Embed(md, f, memoDir);

        WorkloadsSection.Write(md, analyses, inputs.Headlines);
        WriteMissing(md, inputs, memoDir);
        WriteAppendices(md, inputs, path, memoDir);
        WriteMethod(md, inputs.Test);
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static void WriteEvidenceList(StringBuilder md, MemoInputs inputs, string memoDir)
    {
        var e = inputs.Evidence;
        md.AppendLine("**Evidence.**");
        foreach (var (a, _) in inputs.Runs)
        {
            var m = a.Run.Manifest;
            md.AppendLine($"- run `{m.RunId}` on {a.Run.Label}: {(m.IsComplete ? "complete" : $"**PARTIAL** ({m.Status})")}, profile {Format.OrUnknown(m.Profile)}, " +
                          $"{string.Join(", ", a.Providers.OrderBy(Providers.Order))}, {a.Cases.Count} cases" + (e.BenchSideBySide.Contains(a) ? " — side by side" : ""));
        }
        foreach (var s in e.Soaks)
        {
            var m = s.Soak.Manifest;
            md.AppendLine($"- soak `{m.RunId}`: `{s.Provider}`/{s.Mount}, {(m.IsComplete ? "complete" : $"**PARTIAL** ({m.EndReason ?? m.Status})")}, " +
                          $"{Figures.Units.Significant(s.Hours)} h, {Format.Count(s.Ops)} actions, faults {(string.IsNullOrWhiteSpace(m.Settings.Faults) ? "none" : Format.Code(m.Settings.Faults))}" +
                          (e.SoakSideBySide.Contains(s) ? " — side by side" : ""));
        }
        foreach (var f in e.Faults)
            md.AppendLine($"- fault `{f.RunId}`: {f.Kind} of `{f.Provider}` at {f.StartUtc:u}, " +
                          (e.SoakOf(f) is { } s ? $"counted in soak `{s.Soak.Manifest.RunId}`" : "**not counted**: no soak of that provider was running then"));
        var unpaired = e.Unpaired.ToList();
        if (unpaired.Count > 0)
            md.AppendLine($"- Not counted for the verdicts (no side-by-side partner of the other role): {string.Join(", ", unpaired.Select(Format.Code))}.");
        md.AppendLine();
        var warnings = inputs.Runs.SelectMany(r => SetupSection.Warnings(r.Analysis.Run.Manifest)).Distinct().ToList();
        foreach (string w in warnings) md.AppendLine($"> **Warning:** {w}").AppendLine();
    }

    private static void WriteMissing(StringBuilder md, MemoInputs inputs, string memoDir)
    {
        md.AppendLine("## What is missing, and the command that gets it").AppendLine();
        var plan = inputs.Plan;
        if (plan.Items.Count == 0)
        {
            md.AppendLine("Nothing: every mitigation verdict is settled by the evidence above.").AppendLine();
            return;
        }
        string planLink = RunAppendix.Link(Path.Combine(memoDir, "memo.md"), inputs.PlanPath);
        md.AppendLine($"Sizes per provider (both providers, side by side), also in [`{EvidencePlan.FileName}`]({planLink}) (its `mac_study` block holds the mac-study flags): " +
                      $"{Format.Count((long)Math.Ceiling(plan.Operations))} operations, {Figures.Units.Significant(plan.SoakHours)} soak hours, " +
                      $"{Format.Count((long)Math.Ceiling(plan.SleepCycles))} sleep cycles.").AppendLine();
        foreach (var group in plan.Items.GroupBy(i => i.Command))
        {
            var first = group.First();
            md.AppendLine($"- {string.Join("; ", group.Select(i => $"{i.Mitigation} / {i.Class}"))}: {first.Why} " +
                          $"(rate {EventCount.RateText(first.Rate, first.Unit)}, {first.RateSource}).  ");
            md.AppendLine($"  `{group.Key}`");
        }
        md.AppendLine();
    }

    private static void WriteAppendices(StringBuilder md, MemoInputs inputs, string memoPath, string memoDir)
    {
        md.AppendLine("## Appendices").AppendLine();
        md.AppendLine($"- [Findings per run and provider]({FindingsFile}): reliability, operational cost, metadata trade-offs, GPU.");
        foreach (var (a, _) in inputs.Runs)
            md.AppendLine($"- [Run `{a.Run.Manifest.RunId}`]({RunAppendix.Link(memoPath, Path.Combine(a.Run.Directory, RunAppendix.FileName))}): setup, per-op tables and figures, known bugs, cross-side coherence.");
        foreach (var (s, _) in inputs.Soaks)
            md.AppendLine($"- [Soak `{s.Manifest.RunId}`]({RunAppendix.Link(memoPath, Path.Combine(s.Directory, RunAppendix.FileName))}): failures by class, recoveries, host processes, figures.");
        md.AppendLine();
    }

    public static void Embed(StringBuilder md, Figure figure, string memoDir)
    {
        string png = Path.GetRelativePath(memoDir, figure.PngPath).Replace('\\', '/');
        string svgPath = Path.ChangeExtension(figure.PngPath, ".svg");
        md.AppendLine($"![{figure.Title}]({png})  ").AppendLine($"*{figure.Title}*" +
            (File.Exists(svgPath) ? $" ([SVG]({Path.ChangeExtension(png, ".svg")}))" : "")).AppendLine();
    }

    public static void WriteMethod(StringBuilder md, DifferenceTest test)
    {
        md.AppendLine("## Method").AppendLine();
        md.AppendLine("- Latencies are of successful operations, measured inside the guest by the probe; n is the number of measured operations. " +
                      $"ECDFs come from the probe's HdrHistogram, thinned to at most {Ecdf.MaxPoints} points per line.");
        PrecisionSection.WriteMethod(md, test);
        md.AppendLine($"- Failure rates per operation and per sleep cycle: {FailureRate.Method}. Per hour of soak: exact Poisson 95% interval; with none, the upper bound -ln(0.05)/hours ≈ 3.0/hours.");
        md.AppendLine("- `local` is taken at the same op and worker count, on the same mount when it has one. Runs with one launch: " +
                      $"{RatioEstimator.Method}.");
        md.AppendLine($"- Throughput is the run's aggregate ops/s (all workers); ratios to local are at the same worker count. Heatmaps use the histogram p50 from `summary.csv`.");
        md.AppendLine($"- Workloads: {PercentOfNative.Method}.");
        md.AppendLine($"- Multimodality: mvalue (Perfolizer MValueCalculator) over log latencies; above {Modality.Threshold} the case is flagged.");
        md.AppendLine($"- Soaks: a fault span runs from the fault's start to its recovery (no recovery: to the end); only windows outside every span count for the watchdog and the mounts. " +
                      $"A sleep cycle fails when an action failed or the share was lost within {SoakEvidence.AfterWakeSeconds:0} s after the wake (or freeze) was lifted, or the share never recovered. " +
                      $"Descriptors: all the provider's sampled host processes summed per sampling sweep; growth from the first sweep to the last after the soak made its working set anew (soak_restored), " +
                      $"so a file server's count swinging with the working set is not a leak (soaks without that event: least-squares slope after {DescriptorGrowth.SettleSeconds:0} s); " +
                      $"a leak reaches the host limit within {DescriptorGrowth.HorizonHours:0} h.");
    }
}
