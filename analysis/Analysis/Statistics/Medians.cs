namespace Analysis.Statistics;

/// <summary>The median: the middle value, or the mean of the two middle ones (the analysis's one definition of it).</summary>
public static class Medians
{
    public static double Of(IEnumerable<double> values) => OfSorted(values.Order().ToArray());

    /// <summary>The median of values already in ascending order.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted)
    {
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
