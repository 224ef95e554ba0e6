using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Recovery times after each fault, one column per fault kind, one dot per injection; faults that never recovered
/// within the run are red crosses on a "never" row above the others.
/// </summary>
public static class RecoveryTimesFigure
{
    public static Figure Draw(SoakRun soak, string directory)
    {
        var plot = FigureFile.NewPlot();
        var recoveries = soak.Classes.Recoveries;
        var present = FaultStyle.InOrder(recoveries.Select(r => r.Kind));
        double maxRecovered = recoveries.Where(r => r.RecoveryS is not null).Select(r => r.RecoveryS!.Value).DefaultIfEmpty(1).Max();
        double never = Math.Max(1, maxRecovered) * 1.3;

        for (int i = 0; i < present.Count; i++)
        {
            var ofKind = recoveries.Where(r => r.Kind == present[i]).ToList();
            var color = FaultStyle.Of(present[i]).Color;
            var done = ofKind.Where(r => r.RecoveryS is not null).ToList();
            if (done.Count > 0)
                plot.Add.Markers(done.Select((_, j) => i + Jitter(j, done.Count)).ToArray(), done.Select(r => r.RecoveryS!.Value).ToArray(), MarkerShape.FilledCircle, 12, color);
            var notDone = ofKind.Where(r => r.RecoveryS is null).ToList();
            if (notDone.Count > 0)
                plot.Add.Markers(notDone.Select((_, j) => i + Jitter(j, notDone.Count)).ToArray(), notDone.Select(_ => never).ToArray(), MarkerShape.Eks, 16, Colors.Red);
            if (done.Count > 0)
            {
                double m = Medians.Of(done.Select(r => r.RecoveryS!.Value));
                var seg = plot.Add.Line(i - 0.25, m, i + 0.25, m);
                seg.Color = Colors.Black;
                seg.LineWidth = 2;
            }
        }
        if (present.Count == 0)
        {
            string why = soak.Manifest.FaultsNotApplied.Count > 0
                ? "no fault was applied: " + string.Join("; ", soak.Manifest.FaultsNotApplied.Select(n => n.Fault)) + " not supported"
                : "no fault was planned";
            FigureFile.Note(plot, why);
            plot.Axes.SetLimitsY(0, 1);
        }
        else
        {
            var ticks = new List<Tick>();
            for (double v = 0; v < never * 0.9; v += NiceStep(never)) ticks.Add(new Tick(v, Units.Significant(v, 2)));
            if (recoveries.Any(r => r.RecoveryS is null)) ticks.Add(new Tick(never, "never"));
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
            plot.Axes.SetLimitsY(0, never * 1.12);
        }
        FigureFile.CategoryAxis(plot, [.. present.Select(k => $"{k}\n{recoveries.Count(r => r.Kind == k)} injected")]);
        return FigureFile.Save(plot, directory, new FigureText(nameof(RecoveryTimesFigure), "soak-recovery",
            $"Recovery time after each fault — {soak.Label}",
            "fault (black bar: median recovery)",
            "seconds from lifting the fault to normal operation"));
    }

    private static double Jitter(int j, int n) => n <= 1 ? 0 : -0.2 + 0.4 * j / (n - 1);

    private static double NiceStep(double range)
    {
        double raw = range / 5, p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return raw / p < 2 ? 2 * p : raw / p < 5 ? 5 * p : 10 * p;
    }
}
