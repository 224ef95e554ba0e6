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
/// Perfolizer 0.6.1's Mann-Whitney Edgeworth approximation computes 5*m*n*(m+n) in 32-bit integers: it overflows
/// from n = m = 599 on (at n = m = 1000 a one-sided test at 1% rejects about 3.2% of the time under the null). Each
/// sample is therefore tested through a seeded uniform subsample of at most <see cref="MaxSampleSize"/> values
/// (5*500*500*1000 = 1.25e9 &lt; 2^31), a uniform sample still. This test treats operations as independent draws: it
/// is used only for runs with a single launch; runs with launches are judged by <see cref="RatioVerdict"/>.
/// </remarks>
public sealed class DifferenceTest(Threshold threshold, Threshold noise)
{
    public static readonly SignificanceLevel Alpha = SignificanceLevel.P01;
    public const int MaxSampleSize = 500;

    /// <summary>The one default noise floor, for the command line, the memo and <see cref="Default"/>.</summary>
    public const string DefaultNoise = "100ns";

    private static readonly SimpleEquivalenceTest Test = new(MannWhitneyTest.Instance);

    public Threshold Threshold { get; } = threshold;
    public Threshold Noise { get; } = noise;

    public static DifferenceTest Default => new(Threshold.Parse("5%"), Threshold.Parse(DefaultNoise));

    /// <summary>The relative threshold as a fraction (0.05 for 5%); absolute thresholds have none (null).</summary>
    public double? RelativeThreshold => Threshold.ToString() is var t && t.EndsWith('%')
        && double.TryParse(t.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v / 100 : null;

    /// <summary>The absolute noise floor in ns (0 when it is relative).</summary>
    public double NoiseNs => AbsoluteNs(Noise.ToString());

    /// <summary>"100ns", "1us", "1µs", "10ms", "2s" in ns; 0 for anything else (a relative threshold).</summary>
    public static double AbsoluteNs(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^([0-9]*\.?[0-9]+)\s*(ns|us|µs|μs|ms|s)$");
        if (!m.Success) return 0;
        double v = double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return v * m.Groups[2].Value switch { "ns" => 1, "ms" => 1e6, "s" => 1e9, _ => 1e3 };
    }

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
        // SimpleEquivalenceTest's "indistinguishable" means neither one-sided test rejected: no difference shown.
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
