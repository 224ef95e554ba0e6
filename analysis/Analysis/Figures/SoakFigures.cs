
namespace Analysis.Figures;

/// <summary>Draws every figure of a soak into its <c>figures/</c> folder; the timeline, a headline candidate, also as SVG.</summary>
public static class SoakFigures
{
    public static IReadOnlyList<Figure> Draw(SoakRun soak)
    {
        Figure timeline;
        using (FigureFile.WithSvg()) timeline = SoakTimelineFigure.Draw(soak, soak.FiguresDirectory);
        var power = DetectionPowerFigure.Draw(soak, soak.FiguresDirectory);   // a soak on a fault model injecting spurious ENOENT
        return [timeline, RecoveryTimesFigure.Draw(soak, soak.FiguresDirectory), VmmDescriptorsFigure.Draw(soak, soak.FiguresDirectory),
            .. power is null ? Array.Empty<Figure>() : [power]];
    }
}
