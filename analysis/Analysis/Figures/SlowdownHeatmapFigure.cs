using System.Globalization;
using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// (d) Slowdown against local at one worker count: a heatmap of p50(provider) / p50(local),
/// rows = ops, columns = provider and mount; colour on a log10 scale, the ratio written in each cell.
/// </summary>
public static class SlowdownHeatmapFigure
{
    public static Figure Draw(RunAnalysis analysis, int workers, string directory)
    {
        var plot = FigureFile.NewPlot();
        var cases = analysis.Cases.Where(c => c.Key.Workers == workers && c.VsLocal is not null).ToList();
        var ops = cases.Select(c => c.Key.Op).Distinct().ToList();
        var columns = ProviderStyle.SeriesOf(cases);

        if (cases.Count == 0)
        {
            FigureFile.Note(plot, "no case has a local baseline at this worker count");
        }
        else
        {
            var cells = new double[ops.Count, columns.Count];
            for (int r = 0; r < ops.Count; r++)
            for (int c = 0; c < columns.Count; c++)
            {
                var match = cases.FirstOrDefault(x => x.Key.Op == ops[r] && (x.Key.Provider, x.Key.Mount) == columns[c]);
                double ratio = match?.VsLocal?.P50Ratio ?? double.NaN;
                cells[r, c] = ratio > 0 && double.IsFinite(ratio) ? Math.Log10(ratio) : double.NaN;
                // Row 0 is drawn at the top.
                var label = plot.Add.Text(double.IsNaN(cells[r, c]) ? "—" : LogAxis.Times(Round(ratio)), c, ops.Count - 1 - r);
                label.LabelFontSize = 14;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = Colors.White;
                label.LabelBackgroundColor = Colors.Black.WithAlpha(0.45);
            }

            var heatmap = plot.Add.Heatmap(cells);
            heatmap.Colormap = new ScottPlot.Colormaps.Turbo();
            heatmap.NaNCellColor = Colors.LightGray;
            plot.MoveToBack(heatmap);
            var bar = plot.Add.ColorBar(heatmap);
            bar.Label = "p50 / local p50 (log scale)";
            bar.LabelStyle.FontSize = 14;
            var finite = cells.Cast<double>().Where(double.IsFinite).ToList();
            if (finite.Count > 0)
                LogAxis.Apply(bar.Axis, Math.Pow(10, finite.Min()), Math.Pow(10, finite.Max()), LogAxis.Times);

            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                columns.Select((col, i) => new Tick(i, $"{Providers.AxisLabel(col.Provider)}\n{col.Mount}", true)).ToArray());
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                ops.Select((op, i) => new Tick(ops.Count - 1 - i, op, true)).ToArray());
            plot.Axes.SetLimits(-0.5, columns.Count - 0.5, -0.5, ops.Count - 0.5);
        }

        return FigureFile.Save(plot, directory, new FigureText(nameof(SlowdownHeatmapFigure), $"slowdown-heatmap.w{workers}",
            $"Median latency relative to local, {workers} worker(s) — {analysis.Run.Label}",
            "provider and mount",
            "operation", Workers: workers));
    }

    private static double Round(double ratio) =>
        double.Parse(ratio.ToString(ratio >= 10 ? "0" : "0.0#", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
