using Analysis.RunFolder;

namespace Analysis.Figures;

/// <summary>Draws every figure of a soak into its <c>figures/</c> folder.</summary>
public static class SoakFigures
{
    public static IReadOnlyList<Figure> Draw(SoakRun soak) =>
    [
        SoakTimelineFigure.Draw(soak, soak.FiguresDirectory),
        RecoveryTimesFigure.Draw(soak, soak.FiguresDirectory),
        VmmDescriptorsFigure.Draw(soak, soak.FiguresDirectory),
    ];
}
