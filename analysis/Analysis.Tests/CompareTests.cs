using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

/// <summary>compare on single-provider runs: absolute p50s (--absolute), judged over operations (one launch per case).</summary>
public class CompareTests
{
    private static SyntheticRun Run(double localNs, int seed, string provider = "local") =>
        new SyntheticRun { Providers = [new(provider, "native", localNs)], Ops = ["mkdir", "stat"], Workers = [1], OpsPerCase = 1000, Seed = seed }.Write();

    [Fact]
    public void NoChangeExitsZero()
    {
        using var b = Run(20_000, seed: 1);
        using var c = Run(20_000, seed: 2);
        var result = CliRunner.Run("compare", b.Directory, c.Directory, "--absolute");
        Assert.True(result.ExitCode == 0, result.Out + result.Err);
        Assert.Contains("0 slower", result.Out);
        Assert.Equal(result.Out, File.ReadAllText(c.PathOf("compare.md")));
    }

    [Fact]
    public void ASlowerCaseExitsThree()
    {
        using var b = Run(20_000, seed: 1);
        using var c = Run(40_000, seed: 2);
        var result = CliRunner.Run("compare", b.Directory, c.Directory, "--absolute");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("## Slower", result.Out);
        Assert.Contains("`local/bind/mkdir/w1`", result.Out);
        Assert.Contains("×2.0", result.Out);
    }

    [Fact]
    public void AFasterCaseIsNotARegression()
    {
        using var b = Run(40_000, seed: 1);
        using var c = Run(20_000, seed: 2);
        var result = CliRunner.Run("compare", b.Directory, c.Directory, "--absolute");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("## Faster", result.Out);
    }

    [Fact]
    public void AThresholdAboveTheChangeMakesItTheSame()
    {
        using var b = Run(20_000, seed: 1);
        using var c = Run(22_000, seed: 2);
        Assert.Equal(3, CliRunner.Run("compare", b.Directory, c.Directory, "--absolute").ExitCode);
        Assert.Equal(0, CliRunner.Run("compare", b.Directory, c.Directory, "--absolute", "--threshold", "30%").ExitCode);
    }

    [Fact]
    public void NothingInCommonIsBadInput()
    {
        using var b = Run(20_000, seed: 1, provider: "local");
        using var c = Run(20_000, seed: 2, provider: "podman");
        var result = CliRunner.Run("compare", b.Directory, c.Directory, "--absolute");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no case in common", result.Err);
        Assert.DoesNotContain('\n', result.Err.TrimEnd());
    }
}
