using Perfolizer.Horology;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace Analysis.Statistics;

/// <summary>
/// The verdict of dotnet/performance's ResultsComparer, on Perfolizer 0.6.1: an equivalence test (two one-sided
/// Mann-Whitney tests) with a relative threshold; a difference it finds counts only if a second test with the
/// absolute noise floor finds it too.
/// </summary>
public sealed class DifferenceTest(Threshold threshold, Threshold noise)
{
    public static readonly SignificanceLevel Alpha = SignificanceLevel.P01;

    private static readonly SimpleEquivalenceTest Test = new(MannWhitneyTest.Instance);

    public Threshold Threshold { get; } = threshold;
    public Threshold Noise { get; } = noise;

    public static DifferenceTest Default => new(Threshold.Parse("5%"), Threshold.Parse("1us"));

    public string Description =>
        $"Mann-Whitney equivalence test (Perfolizer SimpleEquivalenceTest, alpha {Alpha.Value}) with threshold {Threshold} and noise floor {Noise}";

    public Verdict Judge(IReadOnlyList<double> baselineNs, IReadOnlyList<double> candidateNs)
    {
        if (baselineNs.Count < 2 || candidateNs.Count < 2) return Verdict.Unknown;
        var baseline = new Sample(baselineNs, TimeUnit.Nanosecond);
        var candidate = new Sample(candidateNs, TimeUnit.Nanosecond);
        var result = Test.Perform(candidate, baseline, Threshold, Alpha);
        if (result is ComparisonResult.Greater or ComparisonResult.Lesser
            && Test.Perform(candidate, baseline, Noise, Alpha) == ComparisonResult.Indistinguishable)
            return Verdict.Same;
        return result switch
        {
            ComparisonResult.Greater => Verdict.Slower,
            ComparisonResult.Lesser => Verdict.Faster,
            ComparisonResult.Indistinguishable => Verdict.Same,
            _ => Verdict.Unknown,
        };
    }
}
