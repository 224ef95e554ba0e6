using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

public class SoakReportTests
{
    [Fact]
    public void A_soak_folder_alone_gets_its_figures_an_appendix_and_the_memo()
    {
        using var soak = new SyntheticSoak().Write();
        CliRunner.Succeeds("report", soak.Directory);
        foreach (string f in new[] { "soak-timeline", "soak-recovery", "soak-vmm-fds" })
            Assert.True(File.Exists(soak.PathOf($"figures/{f}.png")), f);
        Assert.True(File.Exists(soak.PathOf("figures/soak-timeline.svg")), "the timeline is a headline figure");
        Assert.False(File.Exists(soak.PathOf("figures/soak-recovery.svg")));
        Assert.Contains("](figures/soak-timeline.png)", soak.Text("memo.md"));
        string memo = soak.Text("appendix.md");
        Assert.Contains("**Status: PARTIAL soak**", memo);
        Assert.Matches(@"\| mount_failure \| 1 \| 60\.0 \| — \|", memo);
        Assert.Matches(@"\| operation_error \| 2 \|[^\n]*ENOENT 2", memo);
        Assert.Matches(@"\| `pause#1` \| 10\.0 s \| 13\.0 s \| 3\.0 s \|", memo);
        Assert.Matches(@"\| `kill#1` \| 31\.0 s \| — \| \*\*never\*\* \|", memo);
        Assert.Matches(@"\| virtiofsd \| 30 \| 30 → 175 \(175\) \|", memo);
        Assert.Matches(@"\| `qemu-virtiofs` \| bind \| soak \| `mkdir_mode0` \| 6 \| \*\*2\*\* \| EACCES, created anyway: 2 \|", memo);
        Assert.Contains("](figures/soak-timeline.png)", memo);
        Assert.Contains("upper limit 3.0 / exposure hours", memo);
    }

    [Fact]
    public void A_soak_without_applied_faults_says_which_were_not_applied_and_states_bounds_for_zero_counts()
    {
        using var soak = new SyntheticSoak { Status = "complete", WithFaults = false }.Write();
        CliRunner.Succeeds("report", soak.Directory);
        string memo = soak.Text("appendix.md");
        Assert.Contains("**Status: complete**", memo);
        Assert.Contains("**Not applied:** `pause`: local has no fault injector", memo);
        Assert.Matches(@"\| mount_failure \| 0 \| 0 \| ≤ 180 \|", memo);
        Assert.Contains("No fault was applied.", memo);
        CliRunner.Succeeds("report", "--svg", soak.Directory);
        Assert.Contains("no fault was applied", soak.Text("figures/soak-recovery.svg"));
    }

    [Fact]
    public void A_soak_next_to_a_benchmark_run_counts_in_the_runs_memo_with_its_own_appendix()
    {
        using var run = new SyntheticRun { Providers = [new("local", "native", 20_000)], Ops = ["mkdir"], Workers = [1], OpsPerCase = 300 }.Write();
        File.WriteAllText(run.PathOf("knownbugs.csv"), "provider,mount,condition,probe,runs,deviations,outcomes\nlocal,bind,idle,mkdir_mode0,5,0,\"\"\n");
        using var soak = new SyntheticSoak().Write();
        CliRunner.Succeeds("report", run.Directory, soak.Directory);
        string memo = run.Text("memo.md");
        Assert.Contains("| `local` | bind | idle | `mkdir_mode0` | 5 | 0 | as POSIX expects |", run.Text("appendix.md"));
        Assert.Contains("## Soak on synthetic-host, qemu-virtiofs/bind", soak.Text("appendix.md"));
        Assert.Contains($"](../{Path.GetFileName(soak.Directory)}/appendix.md)", memo);
        Assert.Contains($"](../{Path.GetFileName(soak.Directory)}/figures/soak-timeline.png)", memo);
        Assert.Contains("- soak `20260101-000000-synthetic-soak`: `qemu-virtiofs`/bind", memo);
    }

    [Fact]
    public void A_corrupt_timeseries_is_one_line_and_exit_2()
    {
        using var soak = new SyntheticSoak().Write();
        File.AppendAllText(soak.PathOf("timeseries.csv"), "99.0,99,5,9,,0,0,0,0,0,1000,OK,,\n");
        var result = CliRunner.Run("report", soak.Directory);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("timeseries.csv", result.Err);
    }
}
