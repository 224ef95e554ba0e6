using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

public class TrendTests
{
    [Fact]
    public void TrendFindsTheRunWhereLatencyDoubled()
    {
        var runs = Enumerable.Range(0, 6).Select(i => new SyntheticRun
        {
            RunId = $"2026010{i + 1}-000000-synthetic-host-smoke",
            Providers = [new("local", "native", i < 3 ? 20_000 : 40_000)],
            Ops = ["mkdir"], Workers = [1], OpsPerCase = 500, Seed = i,
        }.Write()).ToList();
        using var output = new SyntheticRun();
        try
        {
            CliRunner.Succeeds(["trend", .. runs.Select(r => r.Directory), "--out", output.Directory]);
            string md = output.Text("trend.md");
            Assert.Contains("at `20260104-000000-synthetic-host-smoke`", md);
            Assert.True(File.Exists(output.PathOf("trend.p50.mkdir.png")));
            Assert.False(File.Exists(output.PathOf("trend.p50.mkdir.svg")), "the trend links PNGs only: no SVG nobody links");
        }
        finally
        {
            runs.ForEach(r => r.Dispose());
        }
    }
}
