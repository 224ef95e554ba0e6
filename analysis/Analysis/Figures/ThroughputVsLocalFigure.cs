using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// (b) Throughput per op relative to local at one worker count: grouped bars of ops/s(provider) / ops/s(local),
/// on a log axis, so a bar going down is slower than local and ×1 is the baseline.
/// </summary>
public static class ThroughputVsLocalFigure
{
    public static Figure Draw(RunAnalysis analysis, int workers, string directory)
    {
        var plot = FigureFile.NewPlot();
        var cases = analysis.Cases.Where(c => c.Key.Workers == workers && c.VsLocal is { } v && double.IsFinite(v.ThroughputRatio) && v.ThroughputRatio > 0).ToList();
        var ops = cases.Select(c => c.Key.Op).Distinct().ToList();
        var series = ProviderStyle.SeriesOf(cases);

        var bars = new List<Bar>();
        int groupWidth = series.Count + 1;
        foreach (var c in cases)
        {
            int position = ops.IndexOf(c.Key.Op) * groupWidth + series.IndexOf((c.Key.Provider, c.Key.Mount));
            bars.Add(new Bar
            {
                Position = position,
                Value = Math.Log10(c.VsLocal!.ThroughputRatio),
                ValueBase = 0,
                FillColor = ProviderStyle.ColorOf(c.Key.Provider),
                FillHatch = ProviderStyle.HatchOf(c.Key.Mount),
                FillHatchColor = Colors.White.WithAlpha(0.6),
            });
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        else FigureFile.Note(plot, "no case has a local baseline at this worker count");

        plot.Add.HorizontalLine(0, 1.5f, Colors.Black);
        plot.Legend.ManualItems.AddRange(series.Select(s => new LegendItem
        {
            LabelText = $"{Providers.Label(s.Provider)} · {s.Mount}",
            FillColor = ProviderStyle.ColorOf(s.Provider),
            FillHatch = ProviderStyle.HatchOf(s.Mount),
            FillHatchColor = Colors.White.WithAlpha(0.6),
        }));
        GroupedBars.LabelGroups(plot, ops, series.Count, groupWidth);
        var ratios = cases.Select(c => c.VsLocal!.ThroughputRatio).Append(1).ToList();
        LogAxis.Apply(plot.Axes.Left, ratios.Min(), ratios.Max(), LogAxis.Times);
        plot.Axes.Margins(bottom: 0.1, top: 0.1);
        return FigureFile.Save(plot, directory, new FigureText(nameof(ThroughputVsLocalFigure), $"throughput-vs-local.w{workers}",
            $"Throughput relative to local, {workers} worker(s) — {analysis.Run.Label}",
            "operation",
            "ops/s relative to local (log scale, ×1 = local)", Workers: workers));
    }
}
