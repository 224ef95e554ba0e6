using ScottPlot;

namespace Analysis.Figures;

/// <summary>(a) Latency ECDF of one op at one worker count: one line per provider and mount, log time axis.</summary>
public static class LatencyEcdfFigure
{
    private static readonly double[] MarkedFractions = [0.1, 0.5, 0.9, 0.99];

    public static Figure Draw(RunAnalysis analysis, string op, int workers, string directory)
    {
        var plot = FigureFile.NewPlot();
        var cases = analysis.Cases.Where(c => c.Key.Op == op && c.Key.Workers == workers && c.Ecdf.Count > 0).ToList();
        foreach (var c in cases)
        {
            var color = ProviderStyle.ColorOf(c.Key.Provider);
            var shape = ProviderStyle.MarkerOf(c.Key.Mount);
            var line = plot.Add.ScatterLine(c.Ecdf.Select(p => Math.Log10(p.Ns)).ToArray(), c.Ecdf.Select(p => p.Fraction).ToArray(), color);
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            // The mount's marker at a few quantiles, so lines on top of each other stay distinguishable.
            var marks = MarkedFractions.Select(f => c.Ecdf.First(p => p.Fraction >= f)).ToArray();
            plot.Add.Markers(marks.Select(p => Math.Log10(p.Ns)).ToArray(), marks.Select(p => p.Fraction).ToArray(), shape, 9, color);
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{Providers.Label(c.Key.Provider)} · {c.Key.Mount}", LineColor = color, LineWidth = 2.5f,
                MarkerShape = shape, MarkerFillColor = color, MarkerLineColor = color, MarkerSize = 9,
            });
        }
        if (cases.Count == 0) FigureFile.Note(plot, "no successful operations recorded");

        if (cases.Count > 0)
            LogAxis.Apply(plot.Axes.Bottom, cases.Min(c => c.Ecdf[0].Ns), cases.Max(c => c.Ecdf[^1].Ns), LogAxis.Time);
        plot.Axes.SetLimitsY(0, 1.02);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1);
        plot.ShowLegend(Alignment.LowerRight);
        return FigureFile.Save(plot, directory, new FigureText(nameof(LatencyEcdfFigure), $"ecdf.{FigureFile.Slug(op)}.w{workers}",
            $"{op}: latency ECDF, {workers} worker(s) — {analysis.Run.Label}",
            "latency of a successful operation (log scale)",
            "fraction of operations at or below", op, workers));
    }
}
