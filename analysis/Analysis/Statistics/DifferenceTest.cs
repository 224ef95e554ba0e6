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
/// <remarks>
/// Perfolizer 0.6.1's Mann-Whitney normal/Edgeworth approximation computes n*m*(n+m+1) in 32-bit integers: above
/// about 1000 values per sample it overflows and returns NaN or wrong p-values. Each sample is therefore tested
/// through a seeded uniform subsample of at most <see cref="MaxSampleSize"/> values (the probe's samples are a
/// uniform reservoir already, so this is still a uniform sample).
/// </remarks>
public sealed class DifferenceTest(Threshold threshold, Threshold noise)
{
    public static readonly SignificanceLevel Alpha = SignificanceLevel.P01;
    public const int MaxSampleSize = 1000;

    private static readonly SimpleEquivalenceTest Test = new(MannWhitneyTest.Instance);

    public Threshold Threshold { get; } = threshold;
    public Threshold Noise { get; } = noise;

    public static DifferenceTest Default => new(Threshold.Parse("5%"), Threshold.Parse("1us"));

    public string Description =>
        $"Mann-Whitney equivalence test (Perfolizer SimpleEquivalenceTest, alpha {Alpha.Value}) with threshold {Threshold} and noise floor {Noise}, " +
        $"on a seeded uniform subsample of at most {MaxSampleSize} values per sample";

    public Verdict Judge(IReadOnlyList<double> baselineNs, IReadOnlyList<double> candidateNs)
    {
        if (baselineNs.Count < 2 || candidateNs.Count < 2) return Verdict.Unknown;
        var baseline = new Sample(Subsample(baselineNs), TimeUnit.Nanosecond);
        var candidate = new Sample(Subsample(candidateNs), TimeUnit.Nanosecond);
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

    /// <summary>A seeded uniform subsample without replacement (partial Fisher-Yates), or the values themselves.</summary>
    public static IReadOnlyList<double> Subsample(IReadOnlyList<double> values)
    {
        if (values.Count <= MaxSampleSize) return values;
        var copy = values.ToArray();
        var random = new Random(20_240_601);
        for (int i = 0; i < MaxSampleSize; i++)
        {
            int j = random.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy[..MaxSampleSize];
    }
}
