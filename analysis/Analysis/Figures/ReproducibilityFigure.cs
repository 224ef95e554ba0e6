using Analysis.Commands;
using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Reproducibility of two runs: each case's ratio to the reference (or its p50, with --absolute) in the base run
/// (x) against the candidate run (y), log axes, with the identity line and the band compare judged against
/// (the calibrated A/A band where one exists, else the threshold): points outside the band moved more than noise.
/// </summary>
public static class ReproducibilityFigure
{
    public static Figure Draw(IReadOnlyList<CompareCommand.Row> rows, RunPairComparer comparer, Calibration? calibration, double threshold, Run b, Run c)
    {
        string what = comparer.Absolute ? "p50" : $"p50 ratio to {comparer.Reference}";
        // The run ids go to the axes: in the title they made it wider than the figure.
        string title = $"Reproducibility: {what}";
        var plot = FigureFile.NewPlot();
        var points = rows.Select(r => (r.Key.Provider, X: XValue(r, comparer), Y: YValue(r, comparer), r.Verdict))
            .Where(p => p.X > 0 && p.Y > 0 && double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (points.Count == 0)
        {
            FigureFile.Note(plot, "no case has a value in both runs");
            return FigureFile.Save(plot, c.FiguresDirectory, new FigureText(nameof(ReproducibilityFigure), "reproducibility", title, "", ""));
        }
        double min = points.Min(p => Math.Min(p.X, p.Y)) / 1.5, max = points.Max(p => Math.Max(p.X, p.Y)) * 1.5;
        double lo = Math.Log10(min), hi = Math.Log10(max);
        // The band: the widest threshold compare used (calibrated or not), drawn around the identity line.
        double band = rows.Select(r => r.Threshold).DefaultIfEmpty(threshold).Max();
        var upper = plot.Add.Line(lo, lo + Math.Log10(1 + band), hi, hi + Math.Log10(1 + band));
        var lower = plot.Add.Line(lo, lo - Math.Log10(1 + band), hi, hi - Math.Log10(1 + band));
        foreach (var l in new[] { upper, lower }) { l.LineColor = Colors.Gray; l.LinePattern = LinePattern.Dashed; }
        upper.LegendText = calibration is null ? $"threshold ±{band:P0} (uncalibrated)" : $"band ±{band:P0} (A/A calibrated, widest)";
        var identity = plot.Add.Line(lo, lo, hi, hi);
        identity.LineColor = Colors.Black;
        identity.LegendText = "identity";
        foreach (var g in points.GroupBy(p => p.Provider))
        {
            var s = plot.Add.ScatterPoints(g.Select(p => Math.Log10(p.X)).ToArray(), g.Select(p => Math.Log10(p.Y)).ToArray());
            s.Color = ProviderStyle.ColorOf(g.Key);
            s.MarkerSize = 8;
            s.LegendText = g.Key;
        }
        var slower = points.Where(p => p.Verdict == Verdict.Slower).ToList();
        if (slower.Count > 0)
        {
            var ring = plot.Add.ScatterPoints(slower.Select(p => Math.Log10(p.X)).ToArray(), slower.Select(p => Math.Log10(p.Y)).ToArray());
            ring.MarkerShape = MarkerShape.OpenCircle;
            ring.MarkerSize = 16;
            ring.Color = Colors.Red;
            ring.LegendText = "judged slower";
        }
        Func<double, string> format = comparer.Absolute ? LogAxis.Time : v => "×" + Units.Significant(v, 2);
        LogAxis.Apply(plot.Axes.Bottom, min, max, format);
        LogAxis.Apply(plot.Axes.Left, min, max, format);
        plot.Axes.SetLimits(lo, hi, lo, hi);
        plot.ShowLegend(Edge.Right);
        return FigureFile.Save(plot, c.FiguresDirectory, new FigureText(nameof(ReproducibilityFigure), "reproducibility", title,
            $"{what} in the base {b.Manifest.RunId} (log)",
            $"{what} in the candidate {c.Manifest.RunId} (log)"));
    }

    private static double XValue(CompareCommand.Row r, RunPairComparer comparer) =>
        comparer.Absolute ? r.Pair.Base.P50Ns ?? double.NaN : r.Pair.BaseRatio?.Value ?? double.NaN;

    private static double YValue(CompareCommand.Row r, RunPairComparer comparer) =>
        comparer.Absolute ? r.Pair.Candidate.P50Ns ?? double.NaN : r.Pair.CandidateRatio?.Value ?? double.NaN;
}
