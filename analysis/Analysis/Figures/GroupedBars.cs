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
        if (groups.Count > MaxLevelLabels)
        {
            // One label per group no longer fits level (22 operations ran into each other): slanted, ending at the tick.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 110;
        }
    }

    /// <summary>The most group labels the figure's width holds side by side.</summary>
    public const int MaxLevelLabels = 10;
}
