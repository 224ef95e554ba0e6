using HdrHistogram;

namespace Analysis.Statistics;

/// <summary>The empirical CDF of a latency histogram, thinned for plotting.</summary>
public static class Ecdf
{
    public const int MaxPoints = 500;

    /// <summary>
    /// (latency ns, fraction of operations at or below it), at most about <see cref="MaxPoints"/> points: a point is
    /// kept when the fraction or log10(latency) has moved by a step since the last kept point.
    /// </summary>
    public static IReadOnlyList<(double Ns, double Fraction)> Of(HistogramBase histogram)
    {
        long total = histogram.TotalCount;
        if (total == 0) return [];
        var points = new List<(double Ns, double Fraction)>();
        foreach (var v in histogram.RecordedValues())
            points.Add((Math.Max(1, histogram.HighestEquivalentValue(v.ValueIteratedTo)), (double)v.TotalCountToThisValue / total));
        if (points.Count <= MaxPoints) return points;

        double logSpan = Math.Log10(points[^1].Ns) - Math.Log10(points[0].Ns);
        double fractionStep = 2.0 / MaxPoints, logStep = 2.0 * logSpan / MaxPoints;
        var kept = new List<(double Ns, double Fraction)> { points[0] };
        for (int i = 1; i < points.Count - 1; i++)
        {
            var last = kept[^1];
            if (points[i].Fraction - last.Fraction >= fractionStep || Math.Log10(points[i].Ns / last.Ns) >= logStep)
                kept.Add(points[i]);
        }
        kept.Add(points[^1]);
        return kept;
    }
}
