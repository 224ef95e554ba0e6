using System.CommandLine;
using System.Text;
using Analysis.Cases;
using Analysis.Memo;
using Analysis.RunFolder;
using Analysis.Statistics;

namespace Analysis.Commands;

/// <summary>
/// <c>analysis compare &lt;base&gt; &lt;candidate&gt;</c>: every case the two runs share, matched by provider, mount, op and
/// workers, judged slower / faster / same. Exit 3 when any case is slower.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baseRun = new Argument<string>("base-run") { Description = "The run folder to compare against." };
        var candidateRun = new Argument<string>("candidate-run") { Description = "The run folder under test; compare.md is written into it." };
        var threshold = SharedOptions.Threshold();
        var noise = SharedOptions.Noise();
        var command = new Command("compare", "Compare two runs case by case; exit 3 if any case got slower.")
        {
            baseRun, candidateRun, threshold, noise,
        };
        command.SetAction(parsed =>
        {
            var test = SharedOptions.Test(parsed, threshold, noise);
            var b = Run.Open(parsed.GetValue(baseRun)!);
            var c = Run.Open(parsed.GetValue(candidateRun)!);
            var rows = Compare(b, c, test);
            string markdown = Markdown(b, c, rows, test);
            File.WriteAllText(Path.Combine(c.Directory, "compare.md"), markdown);
            parsed.InvocationConfiguration.Output.Write(markdown);
            return rows.Any(r => r.Comparison?.Verdict == Verdict.Slower) ? ExitCodes.Regression : ExitCodes.Ok;
        });
        return command;
    }

    public sealed record Row(CaseKey Key, SummaryRow Base, SummaryRow Candidate, Comparison? Comparison, Estimate? BaseP50, Estimate? CandidateP50);

    public static IReadOnlyList<Row> Compare(Run b, Run c, DifferenceTest test)
    {
        var candidates = c.Cases.ToDictionary(r => r.Key);
        var rows = new List<Row>();
        foreach (var baseRow in b.Cases)
        {
            if (!candidates.TryGetValue(baseRow.Key, out var candidateRow)) continue;
            var bp = b.TryReadProbe(baseRow.Key);
            var cp = c.TryReadProbe(baseRow.Key);
            if (bp is null || cp is null)
            {
                rows.Add(new Row(baseRow.Key, baseRow, candidateRow, null, null, null));
                continue;
            }
            double[] x = cp.Value.Probe.SamplesNs, y = bp.Value.Probe.SamplesNs;
            rows.Add(new Row(baseRow.Key, baseRow, candidateRow, CaseComparer.Compare(test, candidateRow, x, baseRow, y),
                LatencySummary.Of(y)?.P50, LatencySummary.Of(x)?.P50));
        }
        if (rows.Count == 0)
            throw new BadInputException(c.Directory, $"no case in common with {b.Directory} (cases match by provider, mount, op and workers)");
        return rows;
    }

    private static string Markdown(Run b, Run c, IReadOnlyList<Row> rows, DifferenceTest test)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Compare `{b.Manifest.RunId}` ({b.Label}) → `{c.Manifest.RunId}` ({c.Label})").AppendLine();
        foreach (var run in new[] { b, c }.Where(r => !r.Manifest.IsComplete))
            md.AppendLine($"> **Warning:** `{run.Manifest.RunId}` is a PARTIAL run (status \"{run.Manifest.Status}\").").AppendLine();

        var judged = rows.Where(r => r.Comparison is not null).ToList();
        int Count(Verdict v) => judged.Count(r => r.Comparison!.Verdict == v);
        md.AppendLine($"{rows.Count} cases in common: **{Count(Verdict.Slower)} slower**, {Count(Verdict.Faster)} faster, " +
                      $"{Count(Verdict.Same)} same, {Count(Verdict.Unknown) + rows.Count - judged.Count} not judged.");
        md.AppendLine($"Only in the base run: {b.Cases.Count - rows.Count}; only in the candidate run: {c.Cases.Count - rows.Count}.").AppendLine();
        md.AppendLine($"Verdict: {test.Description}. Ratio: candidate / base, {RatioEstimator.Method}.").AppendLine();

        foreach (var (title, verdict) in new[] { ("Slower", Verdict.Slower), ("Faster", Verdict.Faster), ("Same", Verdict.Same), ("Unknown", Verdict.Unknown) })
        {
            var group = judged.Where(r => r.Comparison!.Verdict == verdict).ToList();
            if (group.Count == 0) continue;
            md.AppendLine($"## {title}").AppendLine();
            var table = new MarkdownTable("case", "base p50 [95% CI]", "candidate p50 [95% CI]", "ratio (HL [95% CI])", "base failures", "candidate failures");
            foreach (var r in group.OrderByDescending(r => r.Comparison!.LatencyRatio?.Value ?? 0))
                table.Add(Format.Code(r.Key.ToString()),
                    r.BaseP50 is { } bp ? Format.Time(bp) : "—", r.CandidateP50 is { } cp ? Format.Time(cp) : "—",
                    Format.Ratio(r.Comparison!.LatencyRatio),
                    Format.Failures(r.Base.Failures, r.Base.Ops, FailureRate.Of(r.Base.Failures, r.Base.Ops)),
                    Format.Failures(r.Candidate.Failures, r.Candidate.Ops, FailureRate.Of(r.Candidate.Failures, r.Candidate.Ops)));
            md.AppendLine(table.ToString());
        }
        var skipped = rows.Where(r => r.Comparison is null).ToList();
        if (skipped.Count > 0)
            md.AppendLine($"Not judged (probe file missing in an unfinished run): {string.Join(", ", skipped.Select(r => Format.Code(r.Key.ToString())))}.").AppendLine();
        return md.ToString();
    }
}
