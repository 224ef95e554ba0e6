using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Workloads × providers as a percentage of native (local in the same run = 100%): grouped bars with the 95% bootstrap
/// interval over repetitions, the figure published comparisons use ("75–95% of native"). A log axis (bars from the 100% line)
/// once the percentages span more than a decade: under emulation the guests run at 0.3–2% of native, flat on a linear axis.
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
        var percents = shown.SelectMany(r => new[] { r.PercentOfNative!.Value.Value, r.PercentOfNative.Value.Lower, r.PercentOfNative.Value.Upper })
            .Where(p => p > 0).Append(100).ToList();
        bool log = percents.Max() / percents.Min() > 10;
        double Y(double percent) => log ? Math.Log10(Math.Max(percent, percents.Min())) : percent;
        var bars = new List<Bar>();
        foreach (var r in shown)
        {
            var e = r.PercentOfNative!.Value;
            int x = workloads.IndexOf(r.Workload) * groupWidth + series.IndexOf((r.Provider, r.Mount));
            bars.Add(new Bar
            {
                Position = x, Value = Y(e.Value), ValueBase = log ? Y(100) : 0,
                FillColor = ProviderStyle.ColorOf(r.Provider), FillHatch = ProviderStyle.HatchOf(r.Mount), FillHatchColor = Colors.White.WithAlpha(0.6),
            });
            var whisker = plot.Add.Line(x, Y(e.Lower), x, Y(e.Upper));
            whisker.LineWidth = 2;
            whisker.LineColor = Colors.Black;
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        else FigureFile.Note(plot, "no provider besides local, or no local baseline");
        plot.Add.HorizontalLine(Y(100), 1.5f, Colors.Black);
        plot.Legend.ManualItems.AddRange(series.Select(s => new LegendItem
        {
            LabelText = $"{s.Provider} · {s.Mount}", FillColor = ProviderStyle.ColorOf(s.Provider),
            FillHatch = ProviderStyle.HatchOf(s.Mount), FillHatchColor = Colors.White.WithAlpha(0.6),
        }));
        GroupedBars.LabelGroups(plot, workloads, series.Count, groupWidth);
        if (log)
        {
            LogAxis.Apply(plot.Axes.Left, percents.Min(), percents.Max(), p => LogAxis.Number(p) + "%");
            plot.Axes.Margins(bottom: 0.1, top: 0.1);
        }
        else plot.Axes.SetLimitsY(0, Math.Max(110, percents.Max() * 1.1));
        return FigureFile.Save(plot, directory, new FigureText(nameof(WorkloadsVsNativeFigure), "workloads-vs-native",
            $"Real tools' workloads as % of native (local = 100%) — {analysis.Run.Label}",
            "workload (trace of a real tool, replayed in the guest)",
            log ? "% of native speed (local time / provider time, log scale)" : "% of native speed (local time / provider time)"));
    }
}
