using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// The soak's failure timeline: per window, failed ops (operation errors), stalled ops and mount-failure windows,
/// over the ops attempted, with the faults marked where they were applied.
/// </summary>
public static class SoakTimelineFigure
{
    public static Figure Draw(SoakRun soak, string directory)
    {
        var plot = FigureFile.NewPlot();
        var (scale, unit) = SoakMarkers.TimeUnit(soak);
        SoakMarkers.Faults(plot, soak, scale);
        var rows = soak.Series;

        var answered = rows.Where(r => r.Root != "CHANNEL").ToList();   // a lost channel's window has no ops to draw
        var ops = plot.Add.ScatterLine(answered.Select(r => r.TS / scale).ToArray(), answered.Select(r => (double)r.Ops).ToArray(), Color.FromHex("#999999"));
        ops.LineWidth = 1.5f;
        ops.LegendText = "ops attempted per window";
        Series(plot, rows, scale, r => r.Stalls, SoakMarkers.Stall, MarkerShape.FilledTriangleUp, "stalled ops (> threshold)");
        Series(plot, rows, scale, r => r.Has("stall") && r.Stalls == 0 ? r.Ops : 0, SoakMarkers.Stall, MarkerShape.OpenDiamond,
            "stalled window (seen by the host only)");
        Series(plot, rows, scale, r => r.Has("operation_error") ? r.Failures : 0, Color.FromHex("#CC0000"), MarkerShape.FilledCircle, "failed ops (errno)");
        double top = Math.Max(1, rows.Select(r => (double)Math.Max(r.Ops, r.Stalls)).DefaultIfEmpty(1).Max());
        var mount = rows.Where(r => r.Has("mount_failure")).ToList();
        if (mount.Count > 0)
        {
            var m = plot.Add.Markers(mount.Select(r => r.TS / scale).ToArray(), mount.Select(_ => top * 1.05).ToArray(), MarkerShape.Eks, 16, Colors.Black);
            m.LegendText = "mount failure";
        }
        if (rows.Count == 0) FigureFile.Note(plot, "no window finished");
        else if (rows.All(r => r.Classes.Length == 0)) FigureFile.Note(plot, $"no failures and no stalls in {rows.Sum(r => r.Ops):N0} ops");

        plot.Axes.SetLimitsY(0, top * 1.15);
        plot.ShowLegend(Edge.Bottom);
        return FigureFile.Save(plot, directory, new FigureText(nameof(SoakTimelineFigure), "soak-timeline",
            $"Soak failure timeline — {soak.Label}",
            $"time since the load started ({unit})",
            "operations per window (~1 s)"));
    }

    private static void Series(Plot plot, IReadOnlyList<TimeSeriesRow> rows, double scale, Func<TimeSeriesRow, long> value, Color color, MarkerShape shape, string label)
    {
        var hit = rows.Where(r => value(r) > 0).ToList();
        if (hit.Count == 0) return;
        var markers = plot.Add.Markers(hit.Select(r => r.TS / scale).ToArray(), hit.Select(r => (double)value(r)).ToArray(), shape, 9, color);
        markers.LegendText = label;
    }
}
