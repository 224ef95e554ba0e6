using Analysis.Statistics;
using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

public sealed class LatencyBoxTests
{
    [Fact]
    public void BoxQuantilesAreOrderedHarrellDavisEstimates()
    {
        var samples = Enumerable.Range(1, 1000).Select(i => (double)i * 1000).ToArray();
        var box = BoxQuantiles.Of(samples)!;
        Assert.True(box.P5 < box.P25 && box.P25 < box.P50 && box.P50 < box.P75 && box.P75 < box.P95);
        Assert.InRange(box.P50, 495_000, 506_000);
        Assert.InRange(box.P5, 45_000, 56_000);
        Assert.InRange(box.P95, 945_000, 956_000);
        Assert.Null(BoxQuantiles.Of([42]));
    }

    [Fact]
    public void OneBoxFigurePerOpWithTheWorkerCountsSideBySideIsDrawnAndEmbeddedInTheOpSection()
    {
        using var run = new SyntheticRun { Mounts = ["bind", "overlay"], Workers = [1, 4], OpsPerCase = 1000 }.Write();

        CliRunner.Succeeds("report", run.Directory);
        Assert.False(File.Exists(run.PathOf("figures/box.mkdir.svg")), "appendix figures are PNG only unless --svg");
        CliRunner.Succeeds("report", "--svg", run.Directory);
        foreach (string op in new[] { "mkdir", "stat" })
        {
            Assert.True(File.Exists(run.PathOf($"figures/box.{op}.png")), op);
            string svg = run.Text($"figures/box.{op}.svg");
            Assert.Contains("whiskers p5–p95", svg);
            Assert.Contains("4 worker(s)", svg);
            Assert.Contains("qemu-virtiofs · overlay", svg);
        }
        Assert.False(File.Exists(run.PathOf("figures/box.mkdir.w1.png")));
        string memo = run.Text("appendix.md");
        int mkdir = memo.IndexOf("### Operation `mkdir`", StringComparison.Ordinal);
        int stat = memo.IndexOf("### Operation `stat`", StringComparison.Ordinal);
        int box = memo.IndexOf("](figures/box.mkdir.png)", StringComparison.Ordinal);
        Assert.True(mkdir >= 0 && box > mkdir && box < stat, "the mkdir box plot belongs to the mkdir section");
    }
}
