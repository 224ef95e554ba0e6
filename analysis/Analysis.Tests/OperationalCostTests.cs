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

        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("findings.md");
        TextAssert.ContainsAll(memo, "| `qemu-virtiofs` | boot to ready | 3.50 |", "| `qemu-virtiofs` | VMM launch | 0.40 |",
            "**Not enough evidence** on `applehv` against `libkrun`");
        Assert.True(File.Exists(run.PathOf("figures/operational-cost.png")));
        Assert.Contains("](figures/operational-cost.png)", run.Text("memo.md"));
        Assert.Contains("boot to ready", run.Text("figures/operational-cost.svg"));
    }

    [Fact]
    public void ARunThatTimedNothingDrawsNoCostFigure()
    {
        using var run = new SyntheticRun().Write();
        CliRunner.Succeeds("report", run.Directory);
        Assert.False(File.Exists(run.PathOf("figures/operational-cost.png")));
        Assert.Contains("(no start-up step was timed by these runs)", run.Text("findings.md"));
    }
}
