using FsBench.Protocol;
using Analysis.RunFolder;
using Analysis.Statistics;
using HdrHistogram;
using Perfolizer.Metrology;
using Pragmastat;

namespace Analysis.Tests;

public class StatisticsTests
{
    private static double[] Normal(int n, double mean, double sd, int seed)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => mean + sd * Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble())).ToArray();
    }

    private static double[] LogNormal(int n, double median, int seed) => Normal(n, 0, 0.3, seed).Select(z => median * Math.Exp(z)).ToArray();

    [Fact]
    public void HarrellDavisMedianOfALargeNormalSampleHasTheTrueMedianInItsInterval()
    {
        var summary = LatencySummary.Of(Normal(5000, 100_000, 10_000, seed: 1))!;
        Assert.True(summary.P50.Contains(100_000), $"p50 {summary.P50}");
        Assert.True(summary.P50.Upper - summary.P50.Lower < 1_500, "interval should be narrow for n = 5000");
        Assert.InRange(summary.P99.Value, 0.97 * 123_263, 1.03 * 123_263);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(3000)]
    public void ZeroFailuresGiveTheOneSidedUpperBound(long n)
    {
        var rate = FailureRate.Of(0, n);
        Assert.Equal(0, rate.Value);
        Assert.Equal(1 - Math.Pow(0.05, 1.0 / n), rate.Upper, 12);
    }

    [Fact]
    public void FailureRateIntervalIsClopperPearson()
    {
        // Reference values for 5 / 100 (Clopper & Pearson 1934; e.g. R binom.test(5, 100)$conf.int).
        var rate = FailureRate.Of(5, 100);
        Assert.Equal(0.05, rate.Value, 12);
        Assert.Equal(0.01643, rate.Lower, 4);
        Assert.Equal(0.11284, rate.Upper, 4);
    }

    [Fact]
    public void TwiceAsSlowIsSlowerAndTheReverseIsFaster()
    {
        var baseline = LogNormal(1000, 20_000, seed: 2);
        var doubled = LogNormal(1000, 40_000, seed: 3);
        Assert.Equal(Verdict.Slower, DifferenceTest.Default.Judge(baseline, doubled));
        Assert.Equal(Verdict.Faster, DifferenceTest.Default.Judge(doubled, baseline));
    }

    [Fact]
    public void LargeSamplesAreJudgedToo()
    {
        // Perfolizer 0.6.1's Mann-Whitney overflows above ~1000 values per sample; the probe sends up to 4096.
        var baseline = LogNormal(2560, 190_000, seed: 20);
        Assert.Equal(Verdict.Slower, DifferenceTest.Default.Judge(baseline, LogNormal(2560, 228_000, seed: 21)));
        Assert.Equal(Verdict.Faster, DifferenceTest.Default.Judge(baseline, LogNormal(300, 150_000, seed: 22)));
        Assert.Equal(Verdict.Same, DifferenceTest.Default.Judge(baseline, LogNormal(4096, 190_000, seed: 23)));
    }

    [Fact]
    public void TwoSamplesOfOneDistributionAreTheSame() =>
        Assert.Equal(Verdict.Same, DifferenceTest.Default.Judge(LogNormal(1000, 20_000, seed: 4), LogNormal(1000, 20_000, seed: 5)));

    [Fact]
    public void ADifferenceBelowTheNoiseFloorIsTheSame()
    {
        // 50% slower, but only by about 100 ns: below the 1 us noise floor.
        var fast = LogNormal(1000, 200, seed: 6);
        var slow = LogNormal(1000, 300, seed: 7);
        Assert.Equal(Verdict.Same, DifferenceTest.Default.Judge(fast, slow));
        Assert.Equal(Verdict.Slower, new DifferenceTest(Threshold.Parse("5%"), Threshold.Parse("1ns")).Judge(fast, slow));
    }

    [Fact]
    public void RatioMatchesPragmastatAndCoversTheTrueRatio()
    {
        var x = LogNormal(300, 40_000, seed: 8);
        var y = LogNormal(300, 20_000, seed: 9);
        var ratio = RatioEstimator.Of(x, y)!.Value;
        Assert.Equal(Toolkit.Ratio(new Sample(x), new Sample(y)).NominalValue, ratio.Value, 2);
        Assert.True(ratio.Contains(2.0), $"ratio {ratio}");
        Assert.True(ratio.Lower > 1.8 && ratio.Upper < 2.2, $"ratio {ratio}");
    }

    [Fact]
    public void RatioThinsLargeSamples()
    {
        Assert.Equal(RatioEstimator.MaxPoints, RatioEstimator.Thin(LogNormal(5000, 1000, seed: 10)).Length);
        Assert.True(RatioEstimator.Of(LogNormal(5000, 30_000, seed: 11), LogNormal(5000, 10_000, seed: 12))!.Value.Contains(3.0));
    }

    [Fact]
    public void BimodalSamplesAreFlaggedAndLogNormalOnesAreNot()
    {
        var bimodal = LogNormal(1000, 20_000, seed: 13).Concat(LogNormal(1000, 200_000, seed: 14)).ToArray();
        Assert.True(Modality.IsMultimodal(Modality.MValue(bimodal)));
        Assert.False(Modality.IsMultimodal(Modality.MValue(LogNormal(2000, 20_000, seed: 15))));
    }

    [Fact]
    public void ChangePointIsFoundWhereTheLevelMoves()
    {
        double[] series = [100, 102, 99, 101, 100, 205, 198, 201, 203, 200];
        Assert.Equal([5], ChangePoints.Find(series));
        Assert.Empty(ChangePoints.Find([100, 101, 99, 100, 102, 100, 101, 99]));
    }

    [Fact]
    public void EcdfIsThinnedAndEndsAtOne()
    {
        var h = new LongHistogram(1_000_000_000_000L, 3);
        foreach (double v in LogNormal(100_000, 50_000, seed: 16)) h.RecordValue((long)v);
        var ecdf = Ecdf.Of(h);
        Assert.InRange(ecdf.Count, 100, Ecdf.MaxPoints + 2);
        Assert.Equal(1.0, ecdf[^1].Fraction, 12);
        Assert.True(ecdf.Zip(ecdf.Skip(1)).All(p => p.First.Ns < p.Second.Ns && p.First.Fraction <= p.Second.Fraction));
    }

    [Fact]
    public void HistogramCodecRoundTrips()
    {
        var h = new LongHistogram(1_000_000_000_000L, 3);
        foreach (long v in new long[] { 1_000, 20_000, 20_000, 5_000_000 }) h.RecordValue(v);
        var decoded = HistogramCodec.Decode(HistogramCodec.Encode(h));
        Assert.Equal(4, decoded.TotalCount);
        Assert.Equal(h.GetValueAtPercentile(50), decoded.GetValueAtPercentile(50));
        Assert.Equal(h.GetMaxValue(), decoded.GetMaxValue());
    }
}
