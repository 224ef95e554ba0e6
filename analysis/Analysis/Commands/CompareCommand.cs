using System.CommandLine;
using System.Text;
using Analysis.Memo;

namespace Analysis.Commands;

/// <summary>
/// <c>analysis compare &lt;base&gt; &lt;candidate&gt;</c>: every case the two runs share, matched by provider, mount, op and
/// workers; each case's change is its p50 ratio to a reference provider in its own run (local, or --reference),
/// or its own p50 with --absolute. The threshold is raised to the A/A calibration's noise band where one is found.
/// Exit 3 when any case is slower.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baseRun = new Argument<string>("base-run") { Description = "The run folder to compare against." };
        var candidateRun = new Argument<string>("candidate-run") { Description = "The run folder under test; compare.md is written into it." };
        var threshold = SharedOptions.Threshold();
        var noise = SharedOptions.Noise();
        var reference = SharedOptions.Reference();
        var absolute = SharedOptions.Absolute();
        var calibration = new Option<string?>("--calibration") { Description = $"An A/A {Calibration.FileName} (default: the base run's, else the candidate's)." };
        var command = new Command("compare", "Compare two runs case by case; exit 3 if any case got slower.")
        {
            baseRun, candidateRun, threshold, noise, reference, absolute, calibration,
        };
        command.SetAction(parsed =>
        {
            var test = SharedOptions.Test(parsed, threshold, noise);
            if (test.RelativeThreshold is null)
                throw new BadInputException("--threshold", "compare takes a relative threshold (e.g. 5%): it judges ratios");
            var b = Run.Open(parsed.GetValue(baseRun)!);
            var c = Run.Open(parsed.GetValue(candidateRun)!);
            var comparer = SharedOptions.Comparer(parsed, reference, absolute);
            var cal = FindCalibration(parsed.GetValue(calibration), b, c);
            var rows = Judge(comparer.Pairs(b, c), test, cal);
            var figure = ReproducibilityFigure.Draw(rows, comparer, cal, test.RelativeThreshold.Value, b, c);
            RunAnalysis analysisB = new RunAnalyzer(test).Analyze(b), analysisC = new RunAnalyzer(test).Analyze(c);
            var agreement = VerdictAgreement.Of(analysisB, analysisC);
            string markdown = Markdown(b, c, rows, test, comparer, cal, figure, agreement, IntervalCoverage.Of(analysisB, analysisC));
            File.WriteAllText(Path.Combine(c.Directory, "compare.md"), markdown);
            parsed.InvocationConfiguration.Output.Write(markdown);
            return rows.Any(r => r.Verdict == Verdict.Slower) ? ExitCodes.Regression : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A case's change, the threshold it was judged against (the calibrated band when wider) and the verdict.</summary>
    public sealed record Row(RunPairComparer.Pair Pair, double Threshold, double? Band, Verdict Verdict)
    {
        public CaseKey Key => Pair.Key;
    }

    public static Calibration? FindCalibration(string? path, Run b, Run c)
    {
        if (path is not null)
            return File.Exists(path) ? Calibration.Read(path) : throw new BadInputException(path, "calibration file is missing");
        foreach (var run in new[] { b, c })
        {
            string candidate = Path.Combine(run.Directory, Calibration.FileName);
            if (File.Exists(candidate)) return Calibration.Read(candidate);
        }
        return null;
    }

    public static IReadOnlyList<Row> Judge(IReadOnlyList<RunPairComparer.Pair> pairs, DifferenceTest test, Calibration? calibration)
    {
        double threshold = test.RelativeThreshold ?? 0.05;
        return pairs.Select(p =>
        {
            double? band = calibration?.BandFor(p.Key.Provider, p.Key.Op);
            double used = Math.Max(threshold, band ?? 0);
            if (p.Change is not { } change) return new Row(p, used, band, Verdict.Unknown);
            var verdict = RatioVerdict.Judge(change.Interval(0.95), change.Interval(0.90), used);
            double gap = Math.Abs((p.Candidate.P50Ns ?? double.NaN) - (p.Base.P50Ns ?? double.NaN));
            if (verdict is Verdict.Slower or Verdict.Faster && gap < test.NoiseNs) verdict = Verdict.Same;
            return new Row(p, used, band, verdict);
        }).ToList();
    }

    private static string Markdown(Run b, Run c, IReadOnlyList<Row> rows, DifferenceTest test, RunPairComparer comparer, Calibration? cal, Figure figure,
        VerdictAgreement agreement, IntervalCoverage coverage)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Compare `{b.Manifest.RunId}` ({b.Label}) → `{c.Manifest.RunId}` ({c.Label})").AppendLine();
        foreach (var run in new[] { b, c }.Where(r => !r.Manifest.IsComplete))
            md.AppendLine($"> **Warning:** `{run.Manifest.RunId}` is a PARTIAL run (status \"{run.Manifest.Status}\").").AppendLine();

        int Count(Verdict v) => rows.Count(r => r.Verdict == v);
        md.AppendLine($"{rows.Count} cases in common: **{Count(Verdict.Slower)} slower**, {Count(Verdict.Faster)} faster, " +
                      $"{Count(Verdict.Equivalent)} equivalent, {Count(Verdict.Same)} no difference shown, {Count(Verdict.Unknown)} not judged.");
        md.AppendLine($"Only in the base run: {b.Cases.Count - rows.Count}; only in the candidate run: {c.Cases.Count - rows.Count}.").AppendLine();
        md.AppendLine(agreement.Judged == 0
            ? "Verdicts against local: no case was judged against local in both runs."
            : $"Verdicts against local agree in **{agreement.Agreeing} of {agreement.Judged} cases ({Format.Percent(agreement.Fraction)})** " +
              $"(slower, faster, or no difference found; {agreement.Strict} identical word for word)" +
              (agreement.Disagreements.Count == 0 ? "." : "; they differ on " + string.Join(", ", agreement.Disagreements.Take(8)
                  .Select(d => $"{Format.Code(d.Key.ToString())} ({VerdictWords.Of(d.Base)} → {VerdictWords.Of(d.Candidate)})")) +
                  (agreement.Disagreements.Count > 8 ? $" and {agreement.Disagreements.Count - 8} more." : "."))).AppendLine();
        if (coverage.Cases > 0)
            md.AppendLine($"Intervals that hold the other run's ratio to local: the next-run intervals (95% prediction) cover it in " +
                          $"**{coverage.NextRunForward} of {coverage.Cases} ({Format.Percent(coverage.NextRunForward / (double)coverage.Cases)})** base → candidate " +
                          $"and **{coverage.NextRunBackward} of {coverage.Cases} ({Format.Percent(coverage.NextRunBackward / (double)coverage.Cases)})** candidate → base " +
                          $"(95% expected from launch-to-launch noise); the 95% confidence intervals in {coverage.ConfidenceForward} and {coverage.ConfidenceBackward}.").AppendLine();
        md.AppendLine(comparer.Absolute
            ? "What changed: each case's own p50 (`--absolute`): per-launch log p50s, Student t over launches (Welch between runs); runs with one launch: Hodges-Lehmann over operations."
            : $"What changed: each case's p50 ratio to `{comparer.Reference}` in its own run (D = candidate ratio / base ratio). {LaunchRatio.Method}. " +
              "Between runs: Welch t on the log scale.");
        md.AppendLine().AppendLine($"Verdict: {RatioVerdict.Description(test.RelativeThreshold ?? 0.05)}; a case's threshold is raised to its calibrated " +
                                   $"noise band when that is wider; a change whose p50s differ by less than the noise floor {test.Noise} is no difference.");
        md.AppendLine().AppendLine(cal is null
            ? $"Noise floor: **not calibrated** (no {Calibration.FileName} in either run; `./run-bench.sh calibrate` makes one). Threshold {test.Threshold} for every case."
            : $"Noise floor: A/A calibration `{cal.BaseRun}` vs `{cal.CandidateRun}` ({Calibration.Method}).");
        md.AppendLine().AppendLine($"![reproducibility]({Path.GetRelativePath(c.Directory, figure.PngPath)})").AppendLine();

        foreach (var verdict in new[] { Verdict.Slower, Verdict.Faster, Verdict.Equivalent, Verdict.Same, Verdict.Unknown })
        {
            var group = rows.Where(r => r.Verdict == verdict).ToList();
            if (group.Count == 0) continue;
            md.AppendLine($"## {char.ToUpperInvariant(VerdictWords.Of(verdict)[0])}{VerdictWords.Of(verdict)[1..]}").AppendLine();
            var table = new MarkdownTable("case", comparer.Absolute ? "base p50" : $"base ratio to {comparer.Reference}",
                comparer.Absolute ? "candidate p50" : $"candidate ratio to {comparer.Reference}", "change [95% CI]", "threshold (noise band)",
                "base failures", "candidate failures");
            foreach (var r in group.OrderByDescending(r => r.Pair.Change?.LogValue ?? double.NegativeInfinity))
                table.Add(Format.Code(r.Key.ToString()),
                    comparer.Absolute ? Units.Time(r.Pair.Base.P50Ns ?? double.NaN) : Format.Ratio(r.Pair.BaseRatio),
                    comparer.Absolute ? Units.Time(r.Pair.Candidate.P50Ns ?? double.NaN) : Format.Ratio(r.Pair.CandidateRatio),
                    r.Pair.Change is { } ch ? Format.Ratio(ch.Interval(0.95)) : r.Pair.NotJudged ?? "—",
                    $"±{Format.Percent(r.Threshold)}" + (r.Band is { } band ? $" (A/A ±{Format.Percent(band)})" : " (uncalibrated)"),
                    Format.Failures(r.Pair.Base.Failures, r.Pair.Base.Ops, FailureRate.Of(r.Pair.Base.Failures, r.Pair.Base.Ops)),
                    Format.Failures(r.Pair.Candidate.Failures, r.Pair.Candidate.Ops, FailureRate.Of(r.Pair.Candidate.Failures, r.Pair.Candidate.Ops)));
            md.AppendLine(table.ToString());
        }
        return md.ToString();
    }
}
