using System.CommandLine;
using System.Text;
using Analysis.Cases;
using Analysis.Figures;
using Analysis.Memo;
using Analysis.RunFolder;
using Analysis.Statistics;

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
            var keys = folders.SelectMany(r => r.Cases.Select(c => c.Key)).Distinct().Order().ToList();
            var series = keys.Select(k =>
            {
                double[] values = folders.Select(r => r.Cases.FirstOrDefault(c => c.Key == k) is { } row ? m.Value(row) : double.NaN).ToArray();
                return (Key: k, Values: values, ChangePoints: ChangePointsOf(values));
            }).ToList();

            var md = new StringBuilder();
            md.AppendLine($"# Trend of {m.Title} across {folders.Count} runs").AppendLine();
            md.AppendLine($"Runs, in order: {string.Join(" → ", folders.Select(r => $"`{r.Manifest.RunId}` ({r.Label})"))}.").AppendLine();
            md.AppendLine("Change points: Perfolizer's ED-PELT over each case's series (at least two runs per segment; a case needs four runs). " +
                          "A change point at a run means a new level starts there.").AppendLine();
            foreach (string op in keys.Select(k => k.Op).Distinct())
            {
                var opSeries = series.Where(s => s.Key.Op == op).ToList();
                var figure = TrendFigure.Draw(m, op, labels, opSeries, outDir);
                md.AppendLine($"## `{op}`").AppendLine();
                md.AppendLine($"![{figure.Title}]({Path.GetFileName(figure.PngPath)})").AppendLine();
                var table = new MarkdownTable(["case", .. labels.Select(l => Format.Code(l)), "change points"]);
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

    /// <summary>Change points of the finite values, as indexes into the full series (runs missing the case are skipped).</summary>
    private static int[] ChangePointsOf(double[] values)
    {
        var present = Enumerable.Range(0, values.Length).Where(i => double.IsFinite(values[i])).ToArray();
        return ChangePoints.Find(present.Select(i => values[i]).ToArray()).Select(j => present[j]).ToArray();
    }

    private static string Describe(double[] values, int[] changes, IReadOnlyList<string> labels, TrendMetric m)
    {
        if (changes.Length == 0) return "none";
        var bounds = changes.Prepend(0).Append(values.Length).ToArray();
        double Median(int from, int to) => values[from..to].Where(double.IsFinite).Order().ElementAt(values[from..to].Count(double.IsFinite) / 2);
        return string.Join("; ", changes.Select((c, i) =>
            $"at `{labels[c]}`: {m.FormatValue(Median(bounds[i], c))} → {m.FormatValue(Median(c, bounds[i + 2]))}"));
    }
}
