using Analysis.Cases;

namespace Analysis.Figures;

/// <summary>Draws every figure of a run into its <c>figures/</c> folder.</summary>
public static class RunFigures
{
    public static IReadOnlyList<Figure> Draw(RunAnalysis analysis)
    {
        string dir = analysis.Run.FiguresDirectory;
        var figures = new List<Figure> { FailuresByErrnoFigure.Draw(analysis, dir) };
        if (OperationalCostFigure.Draw(analysis, dir) is { } cost) figures.Add(cost);
        if (GpuTradeOffFigure.Draw(analysis, dir) is { } gpu) figures.Add(gpu);
        foreach (int w in analysis.Workers)
        {
            figures.Add(ThroughputVsLocalFigure.Draw(analysis, w, dir));
            figures.Add(SlowdownHeatmapFigure.Draw(analysis, w, dir));
        }
        foreach (string op in analysis.Ops)
        {
            figures.Add(ThroughputVsWorkersFigure.Draw(analysis, op, dir));
            figures.Add(LatencyBoxFigure.Draw(analysis, op, dir));
            foreach (int w in analysis.Cases.Where(c => c.Key.Op == op).Select(c => c.Key.Workers).Distinct().Order())
                figures.Add(LatencyEcdfFigure.Draw(analysis, op, w, dir));
        }
        return figures;
    }
}
