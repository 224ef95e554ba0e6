using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// GPU trade-off of a run: per probed provider, the workload's tokens/s on a GPU (0, labelled "no GPU", without one)
/// against its metadata p50 ratio to local (log axis). Drawn only when the run folder has gpu/ reports.
/// </summary>
public static class GpuTradeOffFigure
{
    public static Figure? Draw(RunAnalysis analysis, string directory)
    {
        var rows = GpuTradeOff.Of(analysis).Where(r => r.Report is not null).ToList();
        if (rows.Count == 0) return null;
        string? test = GpuTradeOff.HeadlineTest(rows.Select(r => r.Report!));
        var plot = FigureFile.NewPlot();
        var drawn = rows.Where(r => r.P50RatioVsLocal is > 0).ToList();
        var notDrawn = rows.Except(drawn).Select(r => r.Provider).ToList();

        foreach (var r in drawn)
        {
            double x = Math.Log10(r.P50RatioVsLocal!.Value), y = r.GpuTokensPerSecond(test);
            var color = ProviderStyle.ColorOf(r.Provider);
            plot.Add.Markers(new[] { x }, new[] { y }, MarkerShape.FilledCircle, 16, color);
            string what = !r.HasGpu ? "no GPU" : y > 0 ? $"{GpuTradeOff.Tps(y)} tokens/s" : $"GPU, no {test ?? "workload"} result";
            var label = plot.Add.Text($"{r.Provider}: {what}\n{LogAxis.Times(Math.Round(r.P50RatioVsLocal!.Value, 2))} local p50", x, y);
            label.LabelFontSize = 14;
            label.LabelBold = true;
            label.LabelFontColor = color;
            label.LabelAlignment = Alignment.LowerLeft;
            label.LabelOffsetX = 10;
            label.LabelOffsetY = -6;
        }

        if (drawn.Count == 0)
        {
            FigureFile.Note(plot, "no probed provider has metadata cases against local");
        }
        else
        {
            double min = drawn.Min(r => r.P50RatioVsLocal!.Value), max = drawn.Max(r => r.P50RatioVsLocal!.Value);
            LogAxis.Apply(plot.Axes.Bottom, Math.Min(min, 1), Math.Max(max, 1.5), LogAxis.Times);
            double top = drawn.Max(r => r.GpuTokensPerSecond(test));
            plot.Axes.SetLimitsY(-0.05 * Math.Max(top, 1), 1.35 * Math.Max(top, 1));
            plot.Axes.SetLimitsX(Math.Log10(Math.Min(min, 1)) - 0.15, Math.Log10(Math.Max(max, 1.5)) + 0.6);
        }
        plot.Axes.Bottom.Label.FontSize = 13;
        return FigureFile.Save(plot, directory, new FigureText(nameof(GpuTradeOffFigure), "gpu-tradeoff",
            $"GPU trade-off: {(test is null ? "GPU" : $"llama-bench {test}")} against metadata speed — {analysis.Run.Label}",
            "metadata p50 latency / local p50 (geometric mean over the run's cases, log scale; right is slower)" +
            (notDrawn.Count > 0 ? $"; not drawn, no local baseline: {string.Join(", ", notDrawn)}" : ""),
            test is null ? "GPU workload throughput (none run)" : $"{test} tokens/s on the guest's GPU (0 = no GPU)"));
    }
}
