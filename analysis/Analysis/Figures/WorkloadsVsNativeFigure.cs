using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Workloads × providers as a percentage of native (local in the same run = 100%): grouped bars with the 95% bootstrap
/// interval over repetitions, the figure published comparisons use ("75–95% of native").
/// </summary>
public static class WorkloadsVsNativeFigure
{
    public static Figure? Draw(RunAnalysis analysis, IReadOnlyList<WorkloadResult> results, string directory)
    {
        var shown = results.Where(r => r.Provider != Providers.Local && r.PercentOfNative is not null).ToList();
        if (results.Count == 0) return null;
        var plot = FigureFile.NewPlot();
        var workloads = results.Select(r => r.Workload).Distinct().ToList();
        var series = shown.Select(r => (r.Provider, r.Mount)).Distinct().ToList();
        int groupWidth = series.Count + 1;
        var bars = new List<Bar>();
        foreach (var r in shown)
        {
            var e = r.PercentOfNative!.Value;
            int x = workloads.IndexOf(r.Workload) * groupWidth + series.IndexOf((r.Provider, r.Mount));
            bars.Add(new Bar
            {
                Position = x, Value = e.Value, ValueBase = 0,
                FillColor = ProviderStyle.ColorOf(r.Provider), FillHatch = ProviderStyle.HatchOf(r.Mount), FillHatchColor = Colors.White.WithAlpha(0.6),
            });
            var whisker = plot.Add.Line(x, e.Lower, x, e.Upper);
            whisker.LineWidth = 2;
            whisker.LineColor = Colors.Black;
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        else FigureFile.Note(plot, "no provider besides local, or no local baseline");
        plot.Add.HorizontalLine(100, 1.5f, Colors.Black);
        plot.Legend.ManualItems.AddRange(series.Select(s => new LegendItem
        {
            LabelText = $"{s.Provider} · {s.Mount}", FillColor = ProviderStyle.ColorOf(s.Provider),
            FillHatch = ProviderStyle.HatchOf(s.Mount), FillHatchColor = Colors.White.WithAlpha(0.6),
        }));
        GroupedBars.LabelGroups(plot, workloads, series.Count, groupWidth);
        double top = Math.Max(110, shown.Select(r => r.PercentOfNative!.Value.Upper).DefaultIfEmpty(100).Max() * 1.1);
        plot.Axes.SetLimitsY(0, top);
        return FigureFile.Save(plot, directory, new FigureText(nameof(WorkloadsVsNativeFigure), "workloads-vs-native",
            $"Real tools' workloads as % of native (local = 100%) — {analysis.Run.Label}",
            "workload (trace of a real tool, replayed in the guest)",
            "% of native speed (local time / provider time)"));
    }
}
