using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Latency box plot of one op: one box per provider · mount from the probe's samples (HD quantiles), grouped by
/// worker count side by side, log time axis.
/// </summary>
public static class LatencyBoxFigure
{
    public static Figure Draw(RunAnalysis analysis, string op, string directory)
    {
        var plot = FigureFile.NewPlot();
        var cases = analysis.Cases.Where(c => c.Key.Op == op && c.Box is not null).ToList();
        var series = ProviderStyle.SeriesOf(cases);
        var workers = cases.Select(c => c.Key.Workers).Distinct().Order().ToList();
        int slot = series.Count + 1;

        foreach (var c in cases)
        {
            var q = c.Box!;
            var color = ProviderStyle.ColorOf(c.Key.Provider);
            var box = new Box
            {
                Position = workers.IndexOf(c.Key.Workers) * slot + series.IndexOf((c.Key.Provider, c.Key.Mount)),
                WhiskerMin = Math.Log10(q.P5), BoxMin = Math.Log10(q.P25), BoxMiddle = Math.Log10(q.P50),
                BoxMax = Math.Log10(q.P75), WhiskerMax = Math.Log10(q.P95), Width = 0.7,
            };
            if (ProviderStyle.HatchOf(c.Key.Mount) is { } hatch) { box.FillStyle.Hatch = hatch; box.FillStyle.HatchColor = color; }
            box.LineStyle.Color = Colors.Black;
            box.LineStyle.Width = 1.5f;
            // Adding takes the palette's next colour: the provider's colour goes on afterwards.
            plot.Add.Box(box).FillColor = color.WithAlpha(0.55);
        }

        if (cases.Count == 0)
        {
            FigureFile.Note(plot, "no latency samples recorded");
        }
        else
        {
            plot.Legend.ManualItems.AddRange(series.Select(s => new LegendItem
            {
                LabelText = $"{s.Provider} · {s.Mount}", FillColor = ProviderStyle.ColorOf(s.Provider).WithAlpha(0.55),
                FillHatch = ProviderStyle.HatchOf(s.Mount), FillHatchColor = ProviderStyle.ColorOf(s.Provider),
            }));
            plot.ShowLegend(Edge.Right);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                workers.Select((w, i) => new Tick(i * slot + (series.Count - 1) / 2.0, $"{w} worker(s)", true)).ToArray());
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            LogAxis.Apply(plot.Axes.Left, cases.Min(c => c.Box!.P5), cases.Max(c => c.Box!.P95), LogAxis.Time);
            plot.Axes.Margins(0.05, 0.1);
        }
        plot.Axes.Left.Label.FontSize = 13;
        return FigureFile.Save(plot, directory, new FigureText(nameof(LatencyBoxFigure), $"box.{FigureFile.Slug(op)}",
            $"{op}: latency distribution by workers — {analysis.Run.Label}",
            "concurrent workers (one box per provider · mount)",
            $"latency, log scale ({BoxQuantiles.WhiskerLabel})", op));
    }
}
