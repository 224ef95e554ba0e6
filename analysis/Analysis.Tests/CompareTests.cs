using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

/// <summary>compare on single-provider runs: absolute p50s (--absolute), judged over operations (one launch per case).</summary>
public class CompareTests
{
    private static SyntheticRun Run(double localNs, int seed, string provider = "local") =>
        new SyntheticRun { Providers = [new(provider, "native", localNs)], Ops = ["mkdir", "stat"], Workers = [1], OpsPerCase = 1000, Seed = seed }.Write();

    /// <summary>compare --absolute of a base run (seed 1) against a candidate (seed 2); what it printed and the compare.md it wrote.</summary>
    private static (CliRunner.Result Result, string? Written) Compare(double baseNs, double candidateNs, string candidateProvider = "local", params string[] extra)
    {
        using var b = Run(baseNs, seed: 1);
        using var c = Run(candidateNs, seed: 2, candidateProvider);
        var result = CliRunner.Run(["compare", b.Directory, c.Directory, "--absolute", .. extra]);
        string written = c.PathOf("compare.md");
        return (result, File.Exists(written) ? File.ReadAllText(written) : null);
    }

    [Fact]
    public void NoChangeExitsZero()
    {
        var (result, written) = Compare(20_000, 20_000);
        Assert.True(result.ExitCode == 0, result.Out + result.Err);
        Assert.Contains("0 slower", result.Out);
        Assert.Equal(result.Out, written);
    }

    [Fact]
    public void ASlowerCaseExitsThree()
    {
        var (result, _) = Compare(20_000, 40_000);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("## Slower", result.Out);
        Assert.Contains("`local/bind/mkdir/w1`", result.Out);
        Assert.Contains("×2.0", result.Out);
    }

    [Fact]
    public void AFasterCaseIsNotARegression()
    {
        var (result, _) = Compare(40_000, 20_000);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("## Faster", result.Out);
    }

    [Fact]
    public void AThresholdAboveTheChangeMakesItTheSame()
    {
        Assert.Equal(3, Compare(20_000, 22_000).Result.ExitCode);
        Assert.Equal(0, Compare(20_000, 22_000, "local", "--threshold", "30%").Result.ExitCode);
    }

    [Fact]
    public void NothingInCommonIsBadInput()
    {
        var (result, _) = Compare(20_000, 20_000, candidateProvider: "podman");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no case in common", result.Err);
        Assert.DoesNotContain('\n', result.Err.TrimEnd());
    }
}
