using Perfolizer.Mathematics.Cpd;

namespace Analysis.Statistics;

/// <summary>Change points in a series of per-run values (Perfolizer's ED-PELT).</summary>
public static class ChangePoints
{
    /// <summary>
    /// Indexes where a new segment starts. A segment must span at least two runs, so one odd run is not a change.
    /// (ED-PELT reports the last index of the old segment; this returns the first of the new one.)
    /// </summary>
    public static int[] Find(IReadOnlyList<double> series) =>
        series.Count < 4
            ? []
            : EdPeltChangePointDetector.Instance.GetChangePointIndexes(series.ToArray(), minDistance: 2).Select(i => i + 1).ToArray();
}
