using System.Text;

namespace Analysis.Memo;

/// <summary>
/// The statistics side of a run in the memo: how many launches, the noise floor (A/A calibration when the run
/// folder has one) beside the verdicts, and the failures seen in warmup batches (kept out of every statistic).
/// </summary>
public static class PrecisionSection
{
    public static void Write(StringBuilder md, RunAnalysis analysis, DifferenceTest test)
    {
        md.AppendLine("### Precision and noise floor").AppendLine();
        int launches = analysis.Cases.Select(c => c.Latency?.Launches ?? 0).DefaultIfEmpty(0).Max();
        md.AppendLine(launches >= 2
            ? $"Each case was measured in {launches} launches (repetitions, providers interleaved in a seeded random order); intervals and " +
              "verdicts against local use the launches as the unit (see Method)."
            : "**One launch per case** (a run recorded before repetitions): its intervals and verdicts treat operations as independent and " +
              "omit launch-to-launch variation; in this format warmup batches are also inside its statistics.");
        string calPath = Path.Combine(analysis.Run.Directory, Calibration.FileName);
        var cal = File.Exists(calPath) ? Calibration.Read(calPath) : null;
        if (cal is null)
            md.AppendLine().AppendLine($"Noise floor beside each verdict: **uncalibrated** — threshold {test.Threshold}, absolute floor {test.Noise} " +
                                       "(`./run-bench.sh calibrate` measures the run-to-run noise).");
        else
        {
            md.AppendLine().AppendLine($"Noise floor: A/A calibration `{cal.BaseRun}` vs `{cal.CandidateRun}` ({Calibration.Method}).").AppendLine();
            var table = new MarkdownTable("provider", "op", "A/A noise band", "verdicts vs local (slower / no difference / equivalent / faster)");
            foreach (var g in analysis.Cases.Where(c => c.VsLocal is not null).GroupBy(c => (c.Key.Provider, c.Key.Op)).OrderBy(g => g.Key))
            {
                double? band = cal.BandFor(g.Key.Provider, g.Key.Op);
                int Count(Verdict v) => g.Count(c => c.VsLocal!.Verdict == v);
                table.Add(g.Key.Provider, g.Key.Op, band is { } b ? $"±{Format.Percent(b)}" : "—",
                    $"{Count(Verdict.Slower)} / {Count(Verdict.Same)} / {Count(Verdict.Equivalent)} / {Count(Verdict.Faster)}");
            }
            md.AppendLine(table.ToString());
        }

        var warm = analysis.Cases.Where(c => c.WarmupFailures > 0).ToList();
        md.AppendLine().AppendLine(warm.Count == 0
            ? "Warmup batches: no failures (warmup batches are never in the statistics or failure rates)."
            : "Warmup batches (never in the statistics or failure rates) had failures:");
        foreach (var c in warm)
            md.AppendLine($"- {Format.Code(c.Key.ToString())}: {Format.Count(c.WarmupFailures)} of {Format.Count(c.WarmupOps)} warmup operations failed" +
                          (c.WarmupErrnos.Count > 0 ? $" ({string.Join(", ", c.WarmupErrnos.Select(e => $"{e.Key} {e.Value}"))})" : ""));
        md.AppendLine();
    }

    public static void WriteMethod(StringBuilder md, DifferenceTest test)
    {
        md.AppendLine("- Launches: every case is measured in several launches (one BenchmarkDotNet process and probe session each), one per " +
                      "repetition; within a repetition the providers come back to back in a seeded random order. Warmup batches are recorded " +
                      "apart and never reach a statistic or failure rate.");
        md.AppendLine($"- Quantiles and their 95% intervals: {QuantileInterval.Method}.");
        md.AppendLine($"- Latency against local: {LaunchRatio.Method}. Beside it, the {LaunchRatio.NextRunMethod}; the verdicts test the confidence interval.");
        md.AppendLine($"- Verdict (runs with launches): {RatioVerdict.Description(test.RelativeThreshold ?? 0.05)}; a difference whose p50s differ by " +
                      $"less than the absolute noise floor {test.Noise} is no difference. Runs with one launch: {test.Description}.");
    }
}
