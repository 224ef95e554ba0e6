namespace Analysis.Statistics;

/// <summary>
/// The Hodges-Lehmann ratio of two latency samples (the median of all pairwise ratios candidate_i / baseline_j,
/// what Pragmastat's <c>Toolkit.Ratio</c> computes) with a distribution-free 95% interval: the Moses interval
/// (order statistics of the pairwise ratios picked by the Mann-Whitney normal approximation).
/// </summary>
/// <remarks>
/// The pairwise set grows as n*m, so each sample is first thinned to at most <see cref="MaxPoints"/> evenly
/// spaced order statistics; the interval is computed for the thinned sizes, which makes it wider, not narrower.
/// </remarks>
public static class RatioEstimator
{
    public const int MaxPoints = 400;

    public const string Method =
        "Hodges-Lehmann ratio (median of pairwise ratios, as Pragmastat Toolkit.Ratio) with a distribution-free 95% Moses interval, " +
        "on at most 400 evenly spaced order statistics per sample";

    public static Estimate? Of(IReadOnlyList<double> candidate, IReadOnlyList<double> baseline)
    {
        if (candidate.Count < 2 || baseline.Count < 2) return null;
        double[] x = Thin(candidate), y = Thin(baseline);
        var logRatios = new double[x.Length * y.Length];
        int k = 0;
        foreach (double xi in x)
        foreach (double yj in y)
            logRatios[k++] = Math.Log(xi) - Math.Log(yj);
        Array.Sort(logRatios);

        int n = logRatios.Length;
        double median = Medians.OfSorted(logRatios);
        double sd = Math.Sqrt(x.Length * (double)y.Length * (x.Length + y.Length + 1) / 12.0);
        int c = Math.Clamp((int)Math.Floor(n / 2.0 - 1.959964 * sd), 0, n - 1);
        return new Estimate(Math.Exp(median), Math.Exp(logRatios[c]), Math.Exp(logRatios[n - 1 - c]));
    }

    /// <summary>At most <see cref="MaxPoints"/> order statistics, evenly spaced from the minimum to the maximum.</summary>
    public static double[] Thin(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length <= MaxPoints) return sorted;
        var thinned = new double[MaxPoints];
        for (int i = 0; i < MaxPoints; i++)
            thinned[i] = sorted[(int)Math.Round(i * (sorted.Length - 1) / (double)(MaxPoints - 1))];
        return thinned;
    }
}
