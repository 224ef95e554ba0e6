using Analysis.RunFolder;
using Analysis.Statistics;

namespace Analysis.Cases;

/// <summary>Compares a candidate case with a baseline case (another provider in the same run, or the same case in another run).</summary>
public static class CaseComparer
{
    public static Comparison Compare(DifferenceTest test,
        SummaryRow candidate, IReadOnlyList<double> candidateSamplesNs,
        SummaryRow baseline, IReadOnlyList<double> baselineSamplesNs) =>
        new(baseline.Key,
            RatioEstimator.Of(candidateSamplesNs, baselineSamplesNs),
            test.Judge(baselineSamplesNs, candidateSamplesNs),
            candidate.OpsPerS / baseline.OpsPerS,
            (candidate.P50Ns ?? double.NaN) / (baseline.P50Ns ?? double.NaN));
}
