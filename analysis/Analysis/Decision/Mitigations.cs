
namespace Analysis.Decision;

public enum MitigationVerdict { Removable, KeepAsDefenseInDepth, StillNeeded, NotEnoughEvidence }

/// <summary>A workaround the team runs today, the failure classes it guards against, and how to count them.</summary>
public sealed record Mitigation(string Name, string GuardsAgainst, Func<DecisionEvidence, IReadOnlyList<ClassLine>> Lines, string? Caveat = null);

public sealed record MitigationAssessment(Mitigation Mitigation, MitigationVerdict Verdict, IReadOnlyList<ClassLine> Lines, string Summary);

/// <summary>
/// The four mitigations and the rule that turns their classes' side-by-side evidence into a verdict:
/// <list type="bullet">
/// <item>still needed: the candidate had events in any class;</item>
/// <item>removable: at least one class reproduced the problem on the incumbent, and in every such class the candidate's
/// 95% upper bound is below a tenth of the incumbent's 95% lower bound (descriptors: ≥ 10× longer to the host limit);</item>
/// <item>keep as defense-in-depth: the incumbent failed, the candidate did not, but too little exposure to show the tenfold improvement;</item>
/// <item>not enough evidence: no side-by-side evidence, or the incumbent failed in no class (the runs could not see the problem).</item>
/// </list>
/// </summary>
public static class Mitigations
{
    public static readonly string[] StatusFileOps = ["create", "rename", "stat", "open"];

    public static readonly IReadOnlyList<Mitigation> All =
    [
        new("vfkit watchdog", "mount failures and hangs, stalls beyond the stall threshold, the VMM's host descriptor growth",
            e => [Soak(e, "mount failures and hangs", s => s.MountFailures, hangs: true),
                  Soak(e, "stalls beyond the threshold", s => s.Stalls),
                  ClassLine.Growth([.. e.SoaksOf(e.Roles.Incumbent)], [.. e.SoaksOf(e.Roles.Candidate)], e.Roles),
                  Restarts(e)],
            "counts only what happened outside the injected faults and their recovery; it watches vfkit, which libkrun machines do not run"),
        new("sleep prevention", "failures and lost shares in the 60 s after each host sleep (a VMM freeze counts as a proxy)",
            e => SleepLines(e)),
        new("overlay-volume placement", "failures on the overlay mount: copy-up, EOPNOTSUPP",
            e => [Bench(e, "failures on the overlay mount", k => k.Mount == "overlay"),
                  SoakActions(e, "soak failures on the overlay mount", "overlay")]),
        new("named-volume mirroring of status files", "failures of the status-file pattern on the bind mount: write a temp file, rename it over, stat",
            e => [Bench(e, "status-file ops (create, rename, stat, open) on the bind mount", k => k.Mount == "bind" && StatusFileOps.Contains(k.Op)),
                  SoakActions(e, "soak failures on the bind mount (its mix saves by rename over and stats)", "bind")]),
    ];

    public static MitigationAssessment Assess(Mitigation m, DecisionEvidence evidence)
    {
        var lines = m.Lines(evidence);
        var counted = lines.Where(l => l.Outcome != LineOutcome.NoEvidence).ToList();
        string Join(IEnumerable<ClassLine> ls) => string.Join("; ", ls.Select(l => $"{l.Class}: {l.Text}"));
        if (counted.Count == 0)
            return new(m, MitigationVerdict.NotEnoughEvidence, lines,
                $"no side-by-side evidence of `{evidence.Roles.Incumbent}` and `{evidence.Roles.Candidate}` for it");
        if (counted.Where(l => l.Outcome == LineOutcome.CandidateFails).ToList() is { Count: > 0 } fails)
            return new(m, MitigationVerdict.StillNeeded, lines, $"{evidence.Roles.Candidate} failed: {Join(fails)}");
        var reproduced = counted.Where(l => l.Outcome is LineOutcome.Decisive or LineOutcome.TooLittle).ToList();
        if (reproduced.Count == 0)
            return new(m, MitigationVerdict.NotEnoughEvidence, lines, $"{evidence.Roles.Incumbent} did not fail either, so the runs did not see the problem: {Join(counted)}");
        if (reproduced.All(l => l.Outcome == LineOutcome.Decisive))
            return new(m, MitigationVerdict.Removable, lines, Join(reproduced));
        return new(m, MitigationVerdict.KeepAsDefenseInDepth, lines, $"{evidence.Roles.Candidate} had no failure, too little exposure: {Join(reproduced)}");
    }

    public static string Word(MitigationVerdict v) => v switch
    {
        MitigationVerdict.Removable => "removable",
        MitigationVerdict.KeepAsDefenseInDepth => "keep as defense-in-depth",
        MitigationVerdict.StillNeeded => "still needed",
        _ => "**not enough evidence**",
    };

    private static ClassLine Soak(DecisionEvidence e, string name, Func<SoakEvidence, long> events, bool hangs = false)
    {
        EventCount Count(string p) => e.SoaksOf(p).Aggregate(new EventCount(0, 0, ExposureUnit.Hours), (acc, s) => acc + new EventCount(events(s), s.Hours, ExposureUnit.Hours));
        var line = ClassLine.Rates(name, "soaks (outside injected faults)", Count(e.Roles.Incumbent), Count(e.Roles.Candidate), e.Roles);
        if (!hangs) return line;
        long Hangs(string p) => e.SoaksOf(p).Sum(s => s.Hangs);
        return line with { Text = line.Text + $" (hangs: {e.Roles.Incumbent} {Hangs(e.Roles.Incumbent)}, {e.Roles.Candidate} {Hangs(e.Roles.Candidate)})" };
    }

    private static ClassLine Restarts(DecisionEvidence e)
    {
        EventCount Count(string p) => new(e.BenchSideBySide.Sum(r => Memo.RestartsSection.Count(r.Run, p)),
            e.BenchSideBySide.Sum(r => FailureEvidence.Of([r], p, _ => true).Ops), ExposureUnit.Operations);
        return ClassLine.Rates("mount failures (provider restarts)", "benchmark runs", Count(e.Roles.Incumbent), Count(e.Roles.Candidate), e.Roles);
    }

    private static ClassLine Bench(DecisionEvidence e, string name, Func<FsBench.RunFormat.CaseKey, bool> relevant)
    {
        var a = FailureEvidence.Of(e.BenchSideBySide, e.Roles.Incumbent, relevant);
        var k = FailureEvidence.Of(e.BenchSideBySide, e.Roles.Candidate, relevant);
        var line = ClassLine.Rates(name, "benchmark runs", new(a.Failures, a.Ops, ExposureUnit.Operations), new(k.Failures, k.Ops, ExposureUnit.Operations), e.Roles);
        return a.Failures + k.Failures == 0 ? line : line with { Text = line.Text + $" (errnos: {e.Roles.Incumbent} {a.ErrnoList}; {e.Roles.Candidate} {k.ErrnoList})" };
    }

    private static ClassLine SoakActions(DecisionEvidence e, string name, string mount)
    {
        EventCount Count(string p) => e.SoaksOf(p, s => s.Mount == mount)
            .Aggregate(new EventCount(0, 0, ExposureUnit.Operations), (acc, s) => acc + new EventCount(s.OperationErrors + s.MountFailures, s.Ops, ExposureUnit.Operations));
        return ClassLine.Rates(name, $"soaks on {mount} (outside injected faults)", Count(e.Roles.Incumbent), Count(e.Roles.Candidate), e.Roles);
    }

    private static IReadOnlyList<ClassLine> SleepLines(DecisionEvidence e)
    {
        ClassLine Line(bool proxy)
        {
            EventCount Count(string p)
            {
                var cycles = e.SoaksOf(p).SelectMany(s => s.Cycles).Where(c => c.IsProxy == proxy).ToList();
                return new(cycles.Count(c => c.Failed), cycles.Count, ExposureUnit.Cycles);
            }
            string name = proxy ? "failures after a freeze (a proxy for a sleep, not a real one)" : "failures after a real host sleep";
            var line = ClassLine.Rates(name, proxy ? "freeze cycles in soaks" : "sleep cycles in soaks", Count(e.Roles.Incumbent), Count(e.Roles.Candidate), e.Roles);
            var recoveries = e.SoaksOf(e.Roles.Candidate).SelectMany(s => s.Cycles).Where(c => c.IsProxy == proxy && c.RecoveryS is not null).Select(c => c.RecoveryS!.Value).ToList();
            return recoveries.Count == 0 ? line
                : line with { Text = line.Text + $"; {e.Roles.Candidate} recovered in {Figures.Units.Significant(recoveries.Order().ElementAt(recoveries.Count / 2), 2)} s (median), {Figures.Units.Significant(recoveries.Max(), 2)} s (max)" };
        }
        return [Line(proxy: false), Line(proxy: true)];
    }
}
