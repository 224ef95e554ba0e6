
namespace Analysis.Figures;

/// <summary>
/// Draws every figure of a run into its <c>figures/</c> folder (each is linked from the run's appendix). The ones
/// the memo may pick as headline figures (failures, operational cost, GPU, throughput at the most workers) also get an SVG.
/// </summary>
public static class RunFigures
{
    public static IReadOnlyList<Figure> Draw(RunAnalysis analysis)
    {
        string dir = analysis.Run.FiguresDirectory;
        var figures = new List<Figure>();
        int maxWorkers = analysis.Workers.DefaultIfEmpty(0).Max();
        using (FigureFile.WithSvg())
        {
            figures.Add(FailuresByErrnoFigure.Draw(analysis, dir));
            if (OperationalCostFigure.Draw(analysis, dir) is { } cost) figures.Add(cost);
            if (GpuTradeOffFigure.Draw(analysis, dir) is { } gpu) figures.Add(gpu);
            if (WorkloadsVsNativeFigure.Draw(analysis, WorkloadResults.Of(analysis.Run), dir) is { } workloads) figures.Add(workloads);
        }
        foreach (int w in analysis.Workers)
        {
            using (FigureFile.WithSvg(w == maxWorkers)) figures.Add(ThroughputVsLocalFigure.Draw(analysis, w, dir));
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
