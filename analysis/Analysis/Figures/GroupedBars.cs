using ScottPlot;

namespace Analysis.Figures;

/// <summary>Bars grouped by category, one series per provider and mount: the legend and one tick under each group's centre.</summary>
public static class GroupedBars
{
    public static void LabelGroups(Plot plot, IReadOnlyList<string> groups, int seriesCount, double groupWidth)
    {
        plot.ShowLegend(Edge.Right);
        var ticks = groups.Select((g, i) => new Tick(i * groupWidth + (seriesCount - 1) / 2.0, g, true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
    }
}
