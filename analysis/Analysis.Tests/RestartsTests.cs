using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

public sealed class RestartsTests
{
    [Fact]
    public void RestartsAreCountedPerProviderAndListedInTheRunSection()
    {
        using var run = new SyntheticRun().Write();
        File.WriteAllText(run.PathOf("restarts.csv"),
            "utc,provider,case,reason\n" +
            "2026-01-01T00:03:00.0000000Z,qemu-virtiofs,qemu-virtiofs/bind/mkdir/w4,\"probe channel closed: EOF\nstack line 2\"\n" +
            "2026-01-01T00:05:00.0000000Z,qemu-virtiofs,qemu-virtiofs/bind/stat/w1,\"guest did not answer within 30 s\"\n");

        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("findings.md") + run.Text("appendix.md");
        Assert.Contains("restarts (mount failures) |", memo);
        Assert.Matches(@"\| synthetic-host \| `qemu-virtiofs` \|[^\n]*\| 2 \|\n", memo);
        Assert.Matches(@"\| synthetic-host \| `local` \|[^\n]*\| 0 \|\n", memo);
        Assert.Contains("a mount failure of the kind the runner reports as `exit_code=4`", memo);
        Assert.Contains("2 restart(s).", memo);
        Assert.Contains("| 2026-01-01T00:03:00.0000000Z | `qemu-virtiofs` | `qemu-virtiofs/bind/mkdir/w4` | probe channel closed: EOF |", memo);
        Assert.DoesNotContain("stack line 2", memo);
    }

    [Fact]
    public void ARunWithoutRestartsSaysNone()
    {
        using var run = new SyntheticRun().Write();
        CliRunner.Succeeds("report", run.Directory);
        Assert.Contains("None (no `restarts.csv`).", run.Text("appendix.md"));
    }

    [Fact]
    public void ACorruptRestartsFileIsAOneLineBadInputError()
    {
        using var run = new SyntheticRun { Ops = ["mkdir"], Workers = [1], OpsPerCase = 300 }.Write();
        File.WriteAllText(run.PathOf("restarts.csv"), "utc,provider\n2026-01-01T00:03:00Z,local\n");

        var result = CliRunner.Run("report", run.Directory);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain('\n', result.Err.TrimEnd());
        Assert.StartsWith("analysis: ", result.Err);
        Assert.Contains("restarts.csv:", result.Err);
    }
}
