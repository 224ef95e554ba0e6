using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

public sealed class OperationalCostTests
{
    [Fact]
    public void StartUpStepsFromTheManifestAreTabledAndDrawn()
    {
        using var run = new SyntheticRun
        {
            Providers =
            [
                new("local", "native", 20_000),
                new("qemu-virtiofs", "tcg", 400_000) { Settings = new() { ["boot_seconds"] = "3.50", ["qemu_launch_seconds"] = "0.40", ["cache"] = "auto" } },
            ],
        }.Write();

        var result = CliRunner.Run("report", run.Directory);

        Assert.True(result.ExitCode == 0, result.Err);
        string memo = File.ReadAllText(run.PathOf("findings.md"));
        Assert.Contains("| `qemu-virtiofs` | boot to ready | 3.50 |", memo);
        Assert.Contains("| `qemu-virtiofs` | VMM launch | 0.40 |", memo);
        Assert.Contains("**Not enough evidence** on `applehv` against `libkrun`", memo);
        Assert.True(File.Exists(run.PathOf("figures/operational-cost.png")));
        Assert.Contains("](figures/operational-cost.png)", File.ReadAllText(run.PathOf("memo.md")));
        Assert.Contains("boot to ready", File.ReadAllText(run.PathOf("figures/operational-cost.svg")));
    }

    [Fact]
    public void ARunThatTimedNothingDrawsNoCostFigure()
    {
        using var run = new SyntheticRun().Write();
        Assert.Equal(0, CliRunner.Run("report", run.Directory).ExitCode);
        Assert.False(File.Exists(run.PathOf("figures/operational-cost.png")));
        Assert.Contains("(no start-up step was timed by these runs)", File.ReadAllText(run.PathOf("findings.md")));
    }
}
