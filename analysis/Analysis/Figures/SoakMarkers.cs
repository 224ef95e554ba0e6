using ScottPlot;

namespace Analysis.Figures;

/// <summary>How soak figures mark faults (<see cref="FaultStyle"/>): a shaded span per fault that lasts, a line per kill.</summary>
public static class SoakMarkers
{
    public static readonly Color Stall = FaultStyle.Of("stall").Color;

    public static void Faults(Plot plot, SoakRun soak, double timeScale)
    {
        double end = soak.Series.Count > 0 ? soak.Series[^1].TS : 0;
        foreach (var (label, kind, start, stop) in soak.Faults())
        {
            var style = FaultStyle.Of(kind);
            if (style.Instant)
            {
                var line = plot.Add.VerticalLine(start / timeScale, 2.5f, style.Color);
                line.Text = label;
                line.LabelFontSize = 13;
                continue;
            }
            var span = plot.Add.HorizontalSpan(start / timeScale, (stop ?? end) / timeScale, style.Color.WithAlpha(0.25));
            span.LineColor = Colors.Transparent;
        }
        foreach (var style in FaultStyle.InOrder(soak.Faults().Select(f => f.Kind)).Select(FaultStyle.Of))
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = style.Legend,
                FillColor = style.Instant ? style.Color : style.Color.WithAlpha(0.4),
                LineColor = style.Instant ? style.Color : Colors.Transparent,
                LineWidth = style.Instant ? 2.5f : 0,
            });
    }

    /// <summary>Seconds for runs under 15 minutes, minutes up to 15 hours, hours beyond.</summary>
    public static (double Scale, string Unit) TimeUnit(SoakRun soak)
    {
        double last = soak.Series.Count > 0 ? soak.Series[^1].TS : 0;
        return last <= 900 ? (1, "s") : last <= 54_000 ? (60, "min") : (3600, "h");
    }
}
