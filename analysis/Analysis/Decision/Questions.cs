using System.Globalization;
using Analysis.Memo;

namespace Analysis.Decision;

/// <summary>One row of the memo's verdict table: a question, its verdict in a few words, and the numbers behind it.</summary>
public sealed record QuestionVerdict(string Question, string Verdict, string Numbers);

/// <summary>The study's questions besides the mitigations, answered for the two roles from side-by-side evidence only.</summary>
public static class Questions
{
    /// <summary>Published GPU figures (../shared/study/domain-evidence.md §2–3), shown only as such: none is measured here.</summary>
    public static readonly IReadOnlyList<(string Provider, double PercentOfNative, string What, string Source)> PublishedGpu =
    [
        (Providers.AppleHv, 0, "no GPU for Linux guests", "indexable-inc/index#712"),
        (Providers.Libkrun, 77.5, "Venus/Vulkan at 75–80% of native llama.cpp", "developers.redhat.com, 2025-09-18"),
        (Providers.Libkrun, 100 * 20.0 / 57.0, "llama-bench tg128 20.0 t/s vs 57.0 native Metal (M1, gemma3 1B, Kompute)", "ollama/ollama#5059"),
    ];

    public const string Published = "published, not measured here";

    public static QuestionVerdict Reliability(DecisionEvidence e)
    {
        var (inc, cand) = (e.Roles.Incumbent, e.Roles.Candidate);
        var parts = new List<string>();
        long incFail = 0, candFail = 0;
        bool any = false;
        if (e.BenchSideBySide.Count > 0)
        {
            any = true;
            var a = FailureEvidence.Of(e.BenchSideBySide, inc, _ => true);
            var k = FailureEvidence.Of(e.BenchSideBySide, cand, _ => true);
            incFail += a.Failures; candFail += k.Failures;
            parts.Add($"benchmarks: {inc} {Format.Failures(a.Failures, a.Ops, a.Rate)}, {cand} {Format.Failures(k.Failures, k.Ops, k.Rate)}");
        }
        if (e.SoakSideBySide.Count > 0)
        {
            any = true;
            string Soaks(string p)
            {
                var s = e.SoaksOf(p).ToList();
                long mount = s.Sum(x => x.MountFailures), errors = s.Sum(x => x.OperationErrors), cycles = s.Sum(x => x.Cycles.Count(c => c.Failed));
                if (p == inc) incFail += mount + errors + cycles; else candFail += mount + errors + cycles;
                return $"{p} {mount} mount failures, {errors} failed actions, {cycles}/{s.Sum(x => x.Cycles.Count)} failed sleep/freeze cycles in {Figures.Units.Significant(s.Sum(x => x.Hours))} h";
            }
            parts.Add($"soaks (outside injected faults): {Soaks(inc)}; {Soaks(cand)}");
        }
        string verdict = !any ? "**not enough evidence**"
            : candFail > 0 ? $"{cand} still fails"
            : incFail > 0 ? $"{cand} clean where {inc} failed"
            : "**not enough evidence** (neither failed)";
        return new("reliability: the mount-failure class under load and across sleep", verdict,
            parts.Count == 0 ? $"no side-by-side run of {inc} and {cand}" : string.Join("; ", parts));
    }

    public static QuestionVerdict OperationalCost(DecisionEvidence e)
    {
        var (inc, cand) = (e.Roles.Incumbent, e.Roles.Candidate);
        var rows = e.Runs.SelectMany(r => StartupCosts.Of(r.Run.Manifest)).ToList();
        var shared = StartupCosts.Steps.Select(s => s.Name)
            .Where(step => rows.Any(r => r.Provider == inc && r.Step == step) && rows.Any(r => r.Provider == cand && r.Step == step)).ToList();
        if (shared.Count == 0)
            return new("operational cost", "**not enough evidence**", $"no run timed the same start-up steps of {inc} and {cand}");
        string S(string p, string step) => rows.First(r => r.Provider == p && r.Step == step).Seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        return new("operational cost", "measured", string.Join("; ", shared.Select(step => $"{step}: {inc} {S(inc, step)}, {cand} {S(cand, step)}")));
    }

    public static QuestionVerdict Performance(DecisionEvidence e)
    {
        var (inc, cand) = (e.Roles.Incumbent, e.Roles.Candidate);
        var ratios = new List<double>();
        // Within one run folder, or across the run folders of one study (a mac-study runs one provider per folder).
        foreach (var study in e.BenchSideBySide.GroupBy(r => DecisionEvidence.StudyOf(r.Run.Directory) ?? r.Run.Directory))
        {
            var cases = study.SelectMany(r => r.Cases).ToList();
            foreach (var c in cases.Where(c => c.Key.Provider == cand))
            {
                var i = cases.Where(x => x.Key.Provider == inc && x.Key.Op == c.Key.Op && x.Key.Mount == c.Key.Mount && x.Key.Workers == c.Key.Workers)
                    .Select(x => x.Summary.P50Ns ?? double.NaN).Where(double.IsFinite).Order().ToList();
                double r = i.Count == 0 ? double.NaN : (c.Summary.P50Ns ?? double.NaN) / i[i.Count / 2];
                if (double.IsFinite(r) && r > 0) ratios.Add(r);
            }
        }
        if (ratios.Count == 0) return new("performance trade-off (metadata)", "**not enough evidence**", $"no case measured on both {inc} and {cand} in one run");
        double gm = GpuTradeOff.GeometricMean(ratios);
        string verdict = gm < 1 / 1.05 ? $"{cand} faster" : gm > 1.05 ? $"{cand} slower" : "about the same (within 5%)";
        return new("performance trade-off (metadata)", verdict,
            $"p50 {cand}/{inc} geometric mean {Format.Ratio(gm)} (range {Format.Ratio(ratios.Min())} – {Format.Ratio(ratios.Max())}) over {ratios.Count} cases; " +
            $"{ratios.Count(r => r > 1.05)} slower, {ratios.Count(r => r < 1 / 1.05)} faster by more than 5%");
    }

    public static QuestionVerdict Gpu(DecisionEvidence e)
    {
        if (GpuTradeOff.HasData(e.Runs))
        {
            var rows = e.Runs.SelectMany(GpuTradeOff.Of).Where(r => r.Report is not null).ToList();
            return new("GPU", "measured", string.Join("; ", rows.Select(r => $"{r.Provider}: {r.Device}, {r.Workload}")));
        }
        return new("GPU", $"libkrun ({Published})", string.Join("; ", PublishedGpu.Select(g => $"{g.Provider}: {g.What} ({g.Source})")) +
            "; `./run-bench.sh gpu --provider libkrun --out <run>` on a Mac measures it");
    }
}
