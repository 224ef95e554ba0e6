using System.Text;
using Analysis.Decision;

namespace Analysis.Memo;

/// <summary>The study's questions (reliability, operational cost, trade-offs), answered only from the runs.</summary>
public static class FindingsSection
{
    public const string NeededMacRun =
        "a Mac run (Apple silicon, Podman ≥ 5.2 with krunkit) with both the applehv and libkrun providers";

    /// <summary>The detail behind the memo's verdicts, per run and provider: an appendix of the memo.</summary>
    public static void Write(StringBuilder md, IReadOnlyList<RunAnalysis> runs, Roles roles)
    {
        md.AppendLine("## Findings per run and provider").AppendLine();
        Reliability(md, runs, roles);
        OperationalCost(md, runs);
        TradeOffs(md, runs, roles);
    }

    private static void Reliability(StringBuilder md, IReadOnlyList<RunAnalysis> runs, Roles roles)
    {
        md.AppendLine("### 1. Reliability").AppendLine();
        md.AppendLine(Conclusion(runs, roles)).AppendLine();

        var table = new MarkdownTable("run", "provider", "failures / ops (95% CI)", "errnos", "at the highest worker count", "restarts (mount failures)");
        foreach (var run in runs)
        foreach (string provider in run.Providers.Concat(run.Run.Restarts.Select(r => r.Provider)).Distinct().OrderBy(Providers.Order))
        {
            var all = FailureEvidence.Of([run], provider, _ => true);
            var mine = run.Cases.Where(c => c.Key.Provider == provider).ToList();
            string concurrentText = "—";
            if (mine.Count > 0)
            {
                int maxWorkers = mine.Max(c => c.Key.Workers);
                var concurrent = FailureEvidence.Of([run], provider, k => k.Workers == maxWorkers);
                concurrentText = $"w{maxWorkers}: {Format.Failures(concurrent.Failures, concurrent.Ops, concurrent.Rate)}";
            }
            table.Add(run.Run.Label, Format.Code(provider), Format.Failures(all.Failures, all.Ops, all.Rate), all.ErrnoList,
                concurrentText, RestartsSection.Count(run.Run, provider).ToString());
        }
        md.AppendLine(table.ToString());
        md.AppendLine(RestartsSection.Meaning + " Restarts are counted from `restarts.csv` and are not in the failures / ops column; " +
                      "each run's section lists them.").AppendLine();

    }

    /// <summary>The benchmark runs' reliability answer for the candidate against the incumbent, pooled over runs that measured both.</summary>
    public static string Conclusion(IReadOnlyList<RunAnalysis> runs, Roles roles)
    {
        var (inc, cand) = (roles.Incumbent, roles.Candidate);
        var sideBySide = new DecisionEvidence(roles, runs, []).BenchSideBySide;
        if (sideBySide.Count == 0)
            return $"**Not enough evidence** on {cand} against {inc}: no benchmark run here measured both providers." +
                   (roles.Source == RoleSource.Mac ? $" The answer needs {NeededMacRun}." : "");

        var a = FailureEvidence.Of(sideBySide, inc, _ => true);
        var k = FailureEvidence.Of(sideBySide, cand, _ => true);
        string numbers = $"{inc} {Format.Failures(a.Failures, a.Ops, a.Rate)} ({a.ErrnoList}); {cand} {Format.Failures(k.Failures, k.Ops, k.Rate)} ({k.ErrnoList})";
        if (a.Failures == 0 && k.Failures == 0)
            return $"**Not enough evidence**: neither provider failed, so these runs did not reproduce the {inc} failures ({numbers}). A longer or more concurrent run is needed.";
        bool lower = k.Rate.Upper < a.Rate.Lower;
        if (k.Failures == 0)
            return lower
                ? $"**{cand} had no failures where {inc} failed**; the 95% intervals do not overlap ({numbers})."
                : $"{cand} had no failures and {inc} some, but too few operations to tell the rates apart at 95% ({numbers}).";
        return lower
            ? $"**{cand} fails less often than {inc}, but it still fails** ({numbers})."
            : $"**{cand} still fails**, at a rate not shown to be lower than {inc}'s ({numbers}).";
    }

    private static void OperationalCost(StringBuilder md, IReadOnlyList<RunAnalysis> runs)
    {
        md.AppendLine("### 2. Operational cost").AppendLine();
        bool bothMachines = runs.Any(r => StartupCosts.Of(r.Run.Manifest).Select(c => c.Provider).Distinct()
            .Count(p => p is Providers.AppleHv or Providers.Libkrun) == 2);
        md.AppendLine(bothMachines
            ? "Start-up steps of `applehv` and `libkrun` as measured by the run that started them (below; install steps and the migration of existing machines are in the Mac guide, `docs/mac.md`)."
            : "**Not enough evidence** on `applehv` against `libkrun`: no run here started both podman machines, so `podman machine init --provider libkrun`, " +
              "machine start and stop times are not measured; a Mac run (Apple silicon, Podman ≥ 5.2 with krunkit) with both providers gives them. " +
              "What the runs did measure for the providers they started:").AppendLine();
        var table = new MarkdownTable("run", "provider", "step", "seconds");
        foreach (var run in runs)
        foreach (var row in StartupCosts.Of(run.Run.Manifest))
            table.Add(run.Run.Label, $"`{row.Provider}`", row.Step, row.Seconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        if (table.RowCount > 0) md.Append(table).AppendLine();
        else md.AppendLine("(no start-up step was timed by these runs)").AppendLine();
        foreach (var run in runs)
        foreach (var p in run.Run.Manifest.Providers.Where(p => p.Name is Providers.AppleHv or Providers.Libkrun || !p.Available))
            md.AppendLine($"- {run.Run.Label}: `{p.Name}` {(p.Available ? "available" : $"**not available** ({p.Reason ?? "no reason given"})")}" +
                          (p.Versions.Count > 0 ? $", versions {string.Join(", ", p.Versions.Select(v => $"{v.Key} {v.Value}"))}" : ""));
        md.AppendLine();
    }

    private static void TradeOffs(StringBuilder md, IReadOnlyList<RunAnalysis> runs, Roles roles)
    {
        md.AppendLine("### 3. Trade-offs: metadata performance and GPU").AppendLine();
        var table = new MarkdownTable("run", "provider", "cases vs local", "slower / same / faster", "p50 vs local (geometric mean, range)");
        foreach (var run in runs)
        foreach (var group in run.Cases.Where(c => c.VsLocal is not null).GroupBy(c => c.Key.Provider).OrderBy(g => Providers.Order(g.Key)))
        {
            var vs = group.Select(c => c.VsLocal!).ToList();
            var ratios = vs.Select(v => v.P50Ratio).Where(r => r > 0 && double.IsFinite(r)).ToList();
            table.Add(run.Run.Label, Format.Code(group.Key), vs.Count.ToString(), Tally(vs.Select(v => v.Verdict)),
                ratios.Count == 0 ? "—" : $"{Format.Ratio(GeometricMean(ratios))} ({Format.Ratio(ratios.Min())} – {Format.Ratio(ratios.Max())})");
        }
        md.AppendLine(table.RowCount > 0 ? table.ToString() : "No case has a `local` baseline in the same run.\n");

        var direct = runs.SelectMany(r => r.Cases).Where(c => c.VsAppleHv is not null).ToList();
        if (direct.Count == 0)
        {
            md.AppendLine($"libkrun against applehv: **not enough evidence**, no run measured both; needs {NeededMacRun}.").AppendLine();
        }
        else
        {
            var ratios = direct.Select(c => c.VsAppleHv!.LatencyRatio?.Value ?? double.NaN).Where(double.IsFinite).ToList();
            md.AppendLine($"libkrun against applehv, same cases: {Tally(direct.Select(c => c.VsAppleHv!.Verdict))} (slower / same / faster); " +
                          $"HL latency ratio geometric mean {(ratios.Count > 0 ? Format.Ratio(GeometricMean(ratios)) : "—")} over {direct.Count} cases.").AppendLine();
        }
        md.AppendLine("Maturity and what CI can run are not measured by this benchmark.").AppendLine();
        GpuTradeOffSection.Write(md, runs);
    }

    private static string Tally(IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.ToList();
        return $"{list.Count(v => v == Verdict.Slower)} / {list.Count(v => v == Verdict.Same)} / {list.Count(v => v == Verdict.Faster)}" +
               (list.Any(v => v == Verdict.Unknown) ? $" ({list.Count(v => v == Verdict.Unknown)} unknown)" : "");
    }

    private static double GeometricMean(IReadOnlyList<double> values) => GpuTradeOff.GeometricMean(values);
}
