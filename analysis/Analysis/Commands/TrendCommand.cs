using System.CommandLine;
using System.Text;
using Analysis.Memo;

namespace Analysis.Commands;

/// <summary>
/// <c>analysis trend &lt;run&gt; &lt;run&gt;...</c>: one metric per case across runs (in the order given), with ED-PELT
/// change points; a figure per op and <c>trend.md</c>.
/// </summary>
public static class TrendCommand
{
    public static Command Create()
    {
        var runs = SharedOptions.Runs("run", "Run folders, oldest first.", 2);
        var metric = new Option<string>("--metric")
        {
            Description = $"The per-case value to follow: {string.Join(", ", TrendMetric.All.Select(m => m.Name))}.",
            DefaultValueFactory = _ => "p50",
        };
        var output = new Option<string?>("--out") { Description = "Output folder (default: trend/ in the last run folder)." };
        var command = new Command("trend", "Follow a metric per case across runs and find change points.") { runs, metric, output };
        command.SetAction(parsed =>
        {
            var m = TrendMetric.Parse(parsed.GetValue(metric)!);
            var folders = parsed.GetValue(runs)!.Select(Run.Open).ToList();
            Run.AssignLabels(folders);
            string outDir = parsed.GetValue(output) ?? Path.Combine(folders[^1].Directory, "trend");
            Directory.CreateDirectory(outDir);

            var labels = folders.Select(r => r.Manifest.RunId).ToList();
            var tickLabels = folders.Select((r, i) => $"#{i + 1}\n{ShortId(r)}").ToList();
            var keys = folders.SelectMany(r => r.Cases.Select(c => c.Key)).Distinct().Order(CaseOrder.Instance).ToList();
            var series = keys.Select(k =>
            {
                double[] values = folders.Select(r => r.Cases.FirstOrDefault(c => c.Key == k) is { } row ? m.Value(row) : double.NaN).ToArray();
                return (Key: k, Values: values, ChangePoints: ChangePointsOf(values));
            }).ToList();

            var md = new StringBuilder();
            md.AppendLine($"# Trend of {m.Title} across {folders.Count} runs").AppendLine();
            md.AppendLine($"Runs, in order: {string.Join(", ", folders.Select((r, i) => $"#{i + 1} `{r.Manifest.RunId}` ({r.Manifest.Host.Hostname})"))}.").AppendLine();
            md.AppendLine("Change points: Perfolizer's ED-PELT over each case's series (at least two runs per segment; a case needs four runs), " +
                          $"kept when the median moves by at least {ChangePoints.MinRelativeChange * 100:0}%. A change point at a run means a new level starts there.").AppendLine();
            foreach (string op in keys.Select(k => k.Op).Distinct())
            {
                var opSeries = series.Where(s => s.Key.Op == op).ToList();
                var figure = TrendFigure.Draw(m, op, tickLabels, opSeries, outDir);
                md.AppendLine($"## `{op}`").AppendLine();
                md.AppendLine($"![{figure.Title}]({Path.GetFileName(figure.PngPath)})").AppendLine();
                var table = new MarkdownTable(["case", .. labels.Select((_, i) => $"#{i + 1}"), "change points"]);
                foreach (var s in opSeries)
                    table.Add([Format.Code(s.Key.ToString()), .. s.Values.Select(m.FormatValue), Describe(s.Values, s.ChangePoints, labels, m)]);
                md.AppendLine(table.ToString());
            }
            string path = Path.Combine(outDir, "trend.md");
            File.WriteAllText(path, md.ToString());
            parsed.InvocationConfiguration.Output.WriteLine($"wrote {path}; {series.Sum(s => s.ChangePoints.Length)} change points in {series.Count} cases");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The date and time of a run id (<c>yyyyMMdd-HHmmss-host-profile</c>), or its label.</summary>
    private static string ShortId(Run run) =>
        System.Text.RegularExpressions.Regex.Match(run.Manifest.RunId, @"^(\d{8})-(\d{4})") is { Success: true } m
            ? $"{m.Groups[1].Value}-{m.Groups[2].Value}"
            : run.Label;

    /// <summary>Change points of the finite values, as indexes into the full series (runs missing the case are skipped).</summary>
    private static int[] ChangePointsOf(double[] values)
    {
        var present = Enumerable.Range(0, values.Length).Where(i => double.IsFinite(values[i])).ToArray();
        return ChangePoints.Find(present.Select(i => values[i]).ToArray()).Select(j => present[j]).ToArray();
    }

    private static string Describe(double[] values, int[] changes, IReadOnlyList<string> labels, TrendMetric m)
    {
        if (changes.Length == 0) return "none";
        var present = Enumerable.Range(0, values.Length).Where(i => double.IsFinite(values[i])).ToArray();
        var series = present.Select(i => values[i]).ToArray();
        var starts = changes.Select(c => Array.IndexOf(present, c)).ToArray();
        var bounds = starts.Prepend(0).Append(series.Length).ToArray();
        return string.Join("; ", starts.Select((s, i) =>
            $"at `{labels[present[s]]}`: {m.FormatValue(ChangePoints.Median(series, bounds[i], s))} → {m.FormatValue(ChangePoints.Median(series, s, bounds[i + 2]))}"));
    }
}
