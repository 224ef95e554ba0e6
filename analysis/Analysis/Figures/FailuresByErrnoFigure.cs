using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// (c) Failures by errno: one stacked bar per provider and mount (all ops and worker counts together).
/// Drawn even when nothing failed, saying so, because "no failures in N ops" is a result.
/// </summary>
public static class FailuresByErrnoFigure
{
    public static Figure Draw(RunAnalysis analysis, string directory)
    {
        var plot = FigureFile.NewPlot();
        var series = analysis.Cases.GroupBy(c => (c.Key.Provider, c.Key.Mount)).ToList();
        var errnos = analysis.Cases.SelectMany(c => c.Errnos.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var palette = new ScottPlot.Palettes.Category10();

        var bars = new List<Bar>();
        for (int i = 0; i < series.Count; i++)
        {
            double stacked = 0;
            foreach (string errno in errnos)
            {
                long count = series[i].Sum(c => c.Errnos.GetValueOrDefault(errno));
                if (count == 0) continue;
                bars.Add(new Bar { Position = i, ValueBase = stacked, Value = stacked + count, FillColor = palette.GetColor(errnos.IndexOf(errno)) });
                stacked += count;
            }
        }
        if (bars.Count > 0) plot.Add.Bars(bars);

        long totalOps = analysis.Cases.Sum(c => c.Summary.Ops);
        if (errnos.Count == 0)
        {
            FigureFile.Note(plot, $"no failures in {totalOps:N0} ops");
            plot.Axes.SetLimitsY(0, 1);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        }
        else
        {
            plot.Legend.ManualItems.AddRange(errnos.Select((e, i) => new LegendItem { LabelText = e, FillColor = palette.GetColor(i) }));
            plot.ShowLegend(Alignment.UpperRight);
            plot.Axes.Margins(bottom: 0, top: 0.15);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };   // counts
        }

        FigureFile.CategoryAxis(plot, [.. series.Select(s => $"{Providers.AxisLabel(s.Key.Provider)}\n{s.Key.Mount}\n{s.Sum(c => c.Summary.Ops):N0} ops")]);
        return FigureFile.Save(plot, directory, new FigureText(nameof(FailuresByErrnoFigure), "failures-by-errno",
            $"Failures by errno — {analysis.Run.Label}",
            "provider, mount and operations attempted",
            "failed operations (count)"));
    }
}
