using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Open file descriptors of the provider's host processes (VMM, file server, conmon...) over the soak, one line per
/// role, with the faults marked: AVF's VM process is known to pile up descriptors until the host runs out (ENFILE).
/// </summary>
public static class VmmDescriptorsFigure
{
    private static readonly Color[] Palette =
        [Color.FromHex("#0072B2"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"), Color.FromHex("#555555"), Color.FromHex("#8C564B")];

    public static Figure Draw(SoakRun soak, string directory)
    {
        var plot = FigureFile.NewPlot();
        var (scale, unit) = SoakMarkers.TimeUnit(soak);
        SoakMarkers.Faults(plot, soak, scale);
        var roles = soak.Vmm.GroupBy(r => r.Role).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (int i = 0; i < roles.Count; i++)
        {
            // Several processes of one role (virtiofsd's monitor and worker) are summed per sampling second.
            var perSecond = roles[i].GroupBy(r => Math.Round(r.TS)).OrderBy(g => g.Key).ToList();
            var line = plot.Add.ScatterLine(perSecond.Select(g => g.Key / scale).ToArray(), perSecond.Select(g => (double)g.Sum(r => r.OpenFds)).ToArray(), Palette[i % Palette.Length]);
            line.LineWidth = 2.5f;
            int first = perSecond[0].Sum(r => r.OpenFds), last = perSecond[^1].Sum(r => r.OpenFds);
            line.LegendText = $"{roles[i].Key} ({first} → {last}, max {perSecond.Max(g => g.Sum(r => r.OpenFds))})";
        }
        if (roles.Count == 0) FigureFile.Note(plot, "no host process was sampled for this provider");
        else plot.Axes.SetLimitsY(0, soak.Vmm.GroupBy(r => (r.Role, Math.Round(r.TS))).Max(g => g.Sum(r => r.OpenFds)) * 1.15 + 1);
        plot.ShowLegend(Edge.Bottom);
        return FigureFile.Save(plot, directory, new FigureText(nameof(VmmDescriptorsFigure), "soak-vmm-fds",
            $"Host processes' open file descriptors — {soak.Label}",
            $"time since the load started ({unit})",
            "open file descriptors (/proc/PID/fd)"));
    }
}
