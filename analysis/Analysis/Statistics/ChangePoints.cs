using Perfolizer.Mathematics.Cpd;

namespace Analysis.Statistics;

/// <summary>Change points in a series of per-run values (Perfolizer's ED-PELT), ignoring changes too small to matter.</summary>
public static class ChangePoints
{
    /// <summary>A change point counts only if the median moves by at least this fraction across it.</summary>
    public const double MinRelativeChange = 0.05;

    /// <summary>
    /// Indexes where a new segment starts. A segment must span at least two runs, so one odd run is not a change.
    /// (ED-PELT reports the last index of the old segment; this returns the first of the new one.)
    /// </summary>
    public static int[] Find(IReadOnlyList<double> series)
    {
        if (series.Count < 4) return [];
        var starts = EdPeltChangePointDetector.Instance.GetChangePointIndexes(series.ToArray(), minDistance: 2).Select(i => i + 1).ToArray();
        var bounds = starts.Prepend(0).Append(series.Count).ToArray();
        return starts.Where((start, i) =>
        {
            double before = Median(series, bounds[i], start), after = Median(series, start, bounds[i + 2]);
            return Math.Abs(after / before - 1) >= MinRelativeChange;
        }).ToArray();
    }

    /// <summary>The median of series[from..to).</summary>
    public static double Median(IReadOnlyList<double> series, int from, int to) => Medians.Of(series.Skip(from).Take(to - from));
}
