
namespace Analysis.Cases;

/// <summary>Compares a candidate case with a baseline case (another provider in the same run, or the same case in another run).</summary>
public static class CaseComparer
{
    /// <summary>
    /// With launches on both sides: the p50 ratio per repetition (<see cref="LaunchRatio"/>) judged by
    /// <see cref="RatioVerdict"/> (a difference whose p50s differ by less than the absolute noise floor is no difference);
    /// otherwise the single-launch Mann-Whitney test over operations.
    /// </summary>
    public static Comparison Compare(DifferenceTest test, SummaryRow candidate, LaunchData candidateData, SummaryRow baseline, LaunchData baselineData)
    {
        if (candidateData.Launches.Count < 2 || baselineData.Launches.Count < 2 || test.RelativeThreshold is not { } threshold
            || LaunchRatio.Of(candidateData, baselineData) is not { WithinLaunchOnly: false } ratio)
            return Compare(test, candidate, candidateData.Pooled, baseline, baselineData.Pooled);
        var verdict = RatioVerdict.Judge(ratio.Ratio, ratio.Ratio90, threshold);
        double p50Gap = Math.Abs(QuantileInterval.Quantile(candidateData.Pooled, 0.5) - QuantileInterval.Quantile(baselineData.Pooled, 0.5));
        if (verdict is Verdict.Slower or Verdict.Faster && p50Gap < test.NoiseNs) verdict = Verdict.Same;
        return new Comparison(baseline.Key, ratio.Ratio, verdict, candidate.OpsPerS / baseline.OpsPerS,
            (candidate.P50Ns ?? double.NaN) / (baseline.P50Ns ?? double.NaN)) { Launch = ratio };
    }

    public static Comparison Compare(DifferenceTest test,
        SummaryRow candidate, IReadOnlyList<double> candidateSamplesNs,
        SummaryRow baseline, IReadOnlyList<double> baselineSamplesNs) =>
        new(baseline.Key,
            RatioEstimator.Of(candidateSamplesNs, baselineSamplesNs),
            test.Judge(baselineSamplesNs, candidateSamplesNs),
            candidate.OpsPerS / baseline.OpsPerS,
            (candidate.P50Ns ?? double.NaN) / (baseline.P50Ns ?? double.NaN));
}
