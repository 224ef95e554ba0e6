using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Detection probability against operations: the binomial prediction for failure rates 1e-3, 1e-4 and 1e-5 per
/// operation, and the measured points of a soak on a FAULT MODEL injecting spurious ENOENT (DetectionPower).
/// </summary>
public static class DetectionPowerFigure
{
    private static readonly Color[] Palette = [Color.FromHex("#D55E00"), Color.FromHex("#0072B2"), Color.FromHex("#009E73")];

    public static Figure? Draw(SoakRun soak, string directory)
    {
        var measured = DetectionPower.Of(soak);
        if (measured is null) return null;
        var plot = FigureFile.NewPlot();
        double[] xs = Enumerable.Range(0, 141).Select(i => Math.Pow(10, 1 + i * 0.05)).ToArray();   // 10 .. 1e8 ops
        for (int r = 0; r < DetectionPower.Rates.Length; r++)
        {
            double p = DetectionPower.Rates[r];
            var line = plot.Add.ScatterLine(xs.Select(Math.Log10).ToArray(), xs.Select(n => DetectionPower.Predicted(p, n)).ToArray(), Palette[r]);
            line.LineWidth = 2.5f;
            line.LegendText = $"predicted, p = {p:0e0} per op: 95% by {DetectionPower.OpsFor(p, 0.95):N0} ops";
        }
        if (measured.GapsInOps.Count > 0)
        {
            var gaps = measured.GapsInOps.Order().ToArray();
            var points = plot.Add.ScatterPoints(gaps.Select(Math.Log10).ToArray(), gaps.Select((_, i) => (i + 1) / (double)gaps.Length).ToArray(), Colors.Black);
            points.MarkerSize = 9;
            points.LegendText = $"measured on the fault model: {measured.Injections} injected ENOENT in {measured.Ops:N0} ops (p = {measured.RatePerOp:0.0e0})";
            var fit = plot.Add.ScatterLine(xs.Select(Math.Log10).ToArray(), xs.Select(n => DetectionPower.Predicted(measured.RatePerOp, n)).ToArray(), Colors.Gray);
            fit.LegendText = "predicted at the measured rate";
        }
        else FigureFile.Note(plot, "the fault model injected no spurious ENOENT in this soak");
        LogAxis.Apply(plot.Axes.Bottom, 10, 1e8, LogAxis.Number);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Edge.Bottom);
        return FigureFile.Save(plot, directory, new FigureText(nameof(DetectionPowerFigure), "soak-detection-power",
            // The provider's label says "fault model" where it is one; the soak's own label made the title wider than the figure.
            $"Detection probability vs operations — {Providers.Label(soak.Manifest.Settings.Provider)}",
            "operations performed (log scale)",
            "P(at least one failure seen)"));
    }
}
