using ScottPlot;

namespace Analysis.Figures;

/// <summary>(e) Aggregate throughput of one op against the number of workers: one line per provider and mount.</summary>
public static class ThroughputVsWorkersFigure
{
    public static Figure Draw(RunAnalysis analysis, string op, string directory)
    {
        var plot = FigureFile.NewPlot();
        var cases = analysis.Cases.Where(c => c.Key.Op == op && c.Summary.OpsPerS > 0 && double.IsFinite(c.Summary.OpsPerS)).ToList();
        foreach (var line in cases.GroupBy(c => (c.Key.Provider, c.Key.Mount)))
        {
            var points = line.OrderBy(c => c.Key.Workers).ToList();
            var scatter = plot.Add.Scatter(points.Select(c => Math.Log2(c.Key.Workers)).ToArray(),
                points.Select(c => Math.Log10(c.Summary.OpsPerS)).ToArray());
            scatter.Color = ProviderStyle.ColorOf(line.Key.Provider);
            scatter.LineWidth = 2.5f;
            scatter.MarkerShape = ProviderStyle.MarkerOf(line.Key.Mount);
            scatter.MarkerSize = 9;
            scatter.LegendText = $"{Providers.Label(line.Key.Provider)} · {line.Key.Mount}";
        }

        if (cases.Count == 0)
        {
            FigureFile.Note(plot, "no throughput recorded");
        }
        else
        {
            var workers = cases.Select(c => c.Key.Workers).Distinct().Order().ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                workers.Select(w => new Tick(Math.Log2(w), w.ToString(), true)).ToArray());
            LogAxis.Apply(plot.Axes.Left, cases.Min(c => c.Summary.OpsPerS), cases.Max(c => c.Summary.OpsPerS), LogAxis.Number);
            plot.Axes.Margins(0.08, 0.1);
            plot.ShowLegend(Edge.Right);
        }
        return FigureFile.Save(plot, directory, new FigureText(nameof(ThroughputVsWorkersFigure), $"throughput-vs-workers.{FigureFile.Slug(op)}",
            $"{op}: throughput against workers — {analysis.Run.Label}",
            "concurrent workers (log2 scale)",
            "aggregate throughput (ops/s, log scale)", op));
    }
}
