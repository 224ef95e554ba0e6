using Analysis.Tests.Synthetic;
using FsBench.RunFormat;

namespace Analysis.Tests;

/// <summary>A case whose benchmark failed has a summary row with what it measured, its status and reason: the memo shows it.</summary>
public sealed class FailedCaseTests
{
    [Fact]
    public void AFailedCaseIsRenderedWithWhatItMeasuredAndWhy()
    {
        using var run = new SyntheticRun { Ops = ["mkdir", "stat"], Workers = [1], OpsPerCase = 500 }.Write();
        var rows = RunFormatCsv.Read<SummaryRow>(run.PathOf("summary.csv")).ToList();
        var failed = rows.Single(r => r.Provider == "qemu-virtiofs" && r.Op == "stat");
        (failed.Status, failed.Reason) = (CaseStatus.Failed, "probe channel failed: probe channel closed during 'batch' (EOF)");
        RunFormatCsv.WriteAll(run.PathOf("summary.csv"), rows);

        var result = CliRunner.Run("report", run.Directory);

        Assert.True(result.ExitCode == 0, result.Err);
        string appendix = File.ReadAllText(run.PathOf("appendix.md"));
        Assert.Contains("**1 case(s) whose benchmark failed**", appendix);
        Assert.Contains($"- `qemu-virtiofs/bind/stat/w1`: failed, {failed.Ops:N0} ops measured; probe channel failed: probe channel closed during 'batch' (EOF)", appendix);
        Assert.Contains("**benchmark failed**: probe channel failed", appendix);
    }

    [Fact]
    public void ASummaryWrittenBeforeTheStatusColumnReadsEveryRowAsOk()
    {
        using var run = new SyntheticRun { Ops = ["mkdir"], Workers = [1], OpsPerCase = 300 }.Write();
        File.WriteAllText(run.PathOf("summary.csv"),
            "provider,mount,op,workers,ops,failures,p50_ns,p99_ns,ops_per_s,p999_ns,mean_ns,layout\n" +
            "local,bind,mkdir,1,300,0,20123,95012,41234.5,210000,24011.2,private\n");

        var row = Assert.Single(RunFormatCsv.Read<SummaryRow>(run.PathOf("summary.csv")));

        Assert.Equal((CaseStatus.Ok, ""), (row.Status, row.Reason));
        Assert.True(row.IsOk);
    }
}
