using ScottPlot;

namespace Analysis.Figures;

/// <summary>Operational cost: seconds per start-up step, one bar per provider, grouped by step.</summary>
public static class OperationalCostFigure
{
    public static Figure? Draw(RunAnalysis analysis, string directory)
    {
        var rows = StartupCosts.Of(analysis.Run.Manifest);
        if (rows.Count == 0) return null;
        var steps = StartupCosts.Steps.Select(s => s.Name).Where(s => rows.Any(r => r.Step == s)).ToList();
        var providers = rows.Select(r => r.Provider).Distinct().OrderBy(Providers.Order).ToList();
        var plot = FigureFile.NewPlot();
        var bars = new List<Bar>();
        int slot = providers.Count + 1;
        foreach (var r in rows)
        {
            double x = steps.IndexOf(r.Step) * slot + providers.IndexOf(r.Provider);
            bars.Add(new Bar { Position = x, Value = r.Seconds, FillColor = ProviderStyle.ColorOf(r.Provider), Label = $"{r.Seconds:0.0#} s" });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 12;
        plot.Legend.ManualItems.AddRange(providers.Select(p => new LegendItem { LabelText = p, FillColor = ProviderStyle.ColorOf(p) }));
        plot.ShowLegend(Alignment.UpperLeft);
        var ticks = steps.Select((s, i) => new Tick(i * slot + (providers.Count - 1) / 2.0, s, true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0, top: 0.2);
        return FigureFile.Save(plot, directory, new FigureText(nameof(OperationalCostFigure), "operational-cost",
            $"Operational cost: start-up steps — {analysis.Run.Label}",
            "start-up step (as recorded when the run started its providers)",
            "time (seconds)"));
    }
}
