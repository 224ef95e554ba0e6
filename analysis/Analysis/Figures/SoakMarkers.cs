using Analysis.RunFolder;
using ScottPlot;

namespace Analysis.Figures;

/// <summary>How soak figures mark faults: a shaded span per pause (blue) or stall (orange), a red line per kill.</summary>
public static class SoakMarkers
{
    public static readonly Color Pause = Color.FromHex("#56B4E9");
    public static readonly Color Stall = Color.FromHex("#E69F00");
    public static readonly Color Kill = Color.FromHex("#D55E00");

    public static void Faults(Plot plot, SoakRun soak, double timeScale)
    {
        double end = soak.Series.Count > 0 ? soak.Series[^1].TS : 0;
        foreach (var (label, kind, start, stop) in soak.Faults())
        {
            if (kind == "kill")
            {
                var line = plot.Add.VerticalLine(start / timeScale, 2.5f, Kill);
                line.Text = label;
                line.LabelFontSize = 13;
                continue;
            }
            var span = plot.Add.HorizontalSpan(start / timeScale, (stop ?? end) / timeScale, (kind == "pause" ? Pause : Stall).WithAlpha(0.25));
            span.LineColor = Colors.Transparent;
        }
        var kinds = soak.Faults().Select(f => f.Kind).Distinct().ToList();
        foreach (var k in kinds)
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = k == "kill" ? "file server killed" : k == "pause" ? "VM paused" : "file server stalled",
                FillColor = k == "kill" ? Kill : (k == "pause" ? Pause : Stall).WithAlpha(0.4),
                LineColor = k == "kill" ? Kill : Colors.Transparent,
                LineWidth = k == "kill" ? 2.5f : 0,
            });
    }

    /// <summary>Seconds for runs under 15 minutes, minutes up to 15 hours, hours beyond.</summary>
    public static (double Scale, string Unit) TimeUnit(SoakRun soak)
    {
        double last = soak.Series.Count > 0 ? soak.Series[^1].TS : 0;
        return last <= 900 ? (1, "s") : last <= 54_000 ? (60, "min") : (3600, "h");
    }
}
