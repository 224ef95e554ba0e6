using ScottPlot;

namespace Analysis.Figures;

/// <summary>One metric of one op across runs: a line per case, change points circled.</summary>
public static class TrendFigure
{
    public static Figure Draw(TrendMetric metric, string op, IReadOnlyList<string> runLabels,
        IReadOnlyList<(CaseKey Key, double[] Values, int[] ChangePoints)> series, string directory)
    {
        var plot = FigureFile.NewPlot();
        bool log = metric.LogScale && series.SelectMany(s => s.Values).Where(double.IsFinite).All(v => v > 0);
        double Y(double v) => log ? Math.Log10(v) : v;

        foreach (var (key, values, changes) in series)
        {
            var xs = Enumerable.Range(0, values.Length).Where(i => double.IsFinite(values[i])).ToArray();
            var line = plot.Add.Scatter(xs.Select(i => (double)i).ToArray(), xs.Select(i => Y(values[i])).ToArray());
            line.Color = ProviderStyle.ColorOf(key.Provider);
            line.LineWidth = 2;
            line.MarkerShape = ProviderStyle.MarkerOf(key.Mount);
            line.MarkerSize = 7;
            line.LegendText = $"{Providers.Label(key.Provider)} · {key.Mount} · w{key.Workers}";
            foreach (int i in changes)
            {
                var ring = plot.Add.Marker(i, Y(values[i]), MarkerShape.OpenCircle, 22, Colors.Red);
                ring.MarkerLineWidth = 2.5f;
            }
        }

        var finite = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        if (finite.Count == 0) FigureFile.Note(plot, "no values");
        else if (log) LogAxis.Apply(plot.Axes.Left, finite.Min(), finite.Max(), metric.FormatTick);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            runLabels.Select((l, i) => new Tick(i, l, true)).ToArray());
        plot.Axes.Margins(0.08, 0.12);
        plot.ShowLegend(Edge.Right);
        return FigureFile.Save(plot, directory, new FigureText(nameof(TrendFigure), $"trend.{metric.Name}.{FigureFile.Slug(op)}",
            $"{op}: {metric.Title} across runs",
            "run (red circle: change point, ED-PELT)",
            metric.AxisLabel + (log ? " (log scale)" : ""), op));
    }
}
