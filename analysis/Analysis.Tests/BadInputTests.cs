using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

/// <summary>Every kind of bad input gives exit code 2 and one line on stderr naming the file and the problem.</summary>
public class BadInputTests
{
    private static SyntheticRun SmallRun() => new SyntheticRun { Ops = ["mkdir"], Workers = [1], OpsPerCase = 300 }.Write();

    private static void AssertOneLineError(CliRunner.Result result, string mentions)
    {
        Assert.Equal(2, result.ExitCode);
        string err = result.Err.TrimEnd();
        Assert.DoesNotContain('\n', err);
        Assert.DoesNotContain(" at ", err.Replace(" at the ", ""));
        Assert.StartsWith("analysis: ", err);
        Assert.Contains(mentions, err);
    }

    [Fact]
    public void MissingRunFolder()
    {
        string missing = Path.Combine(Path.GetTempPath(), "analysis-tests", "no-such-run");
        AssertOneLineError(CliRunner.Run("report", missing), "no-such-run: run folder is missing");
    }

    [Theory]
    [InlineData("manifest.json", null, "manifest.json: file is missing")]
    [InlineData("manifest.json", "{\"run_id\": \"x\", \"status\": \"comp", "manifest.json: not valid JSON")]
    [InlineData("manifest.json", "{\"run_id\": \"x\", \"host\": {\"hostname\": \"h\"}}", "manifest.json: \"status\" is missing")]
    [InlineData("manifest.json", "\u0000\u0001garbage", "manifest.json: not valid JSON")]
    [InlineData("summary.csv", null, "summary.csv: file is missing")]
    [InlineData("summary.csv", "provider,mount,op,workers,ops\nlocal,bind,mkdir,1,300\n", "summary.csv: The CSV header has no column")]
    [InlineData("summary.csv", "provider,mount,op,workers,ops,failures,p50_ns,p99_ns,ops_per_s,p999_ns,mean_ns,layout\nlocal,bind,mkdir,1,300,0,20000,40000,5000.0,50000,21000.0,private\nlocal,bi", "summary.csv: Cannot read")]
    [InlineData("summary.csv", "provider,mount,op,workers,ops,failures,p50_ns,p99_ns,ops_per_s,p999_ns,mean_ns,layout\nlocal,bind,mkdir,one,300,0,20000,40000,5000.0,50000,21000.0,private\n", "summary.csv: Cannot read")]
    [InlineData("failures.csv", "provider,mount,op,workers,errno,count\nlocal,bind,mkdir,1,EIO,lots\n", "failures.csv: Cannot read")]
    [InlineData("failures.csv", null, "failures.csv: file is missing")]
    [InlineData("probe/local.bind.mkdir.w1.json", null, "local.bind.mkdir.w1.json: file is missing")]
    [InlineData("probe/local.bind.mkdir.w1.json", "{\"provider\": \"local\", \"mount\": \"bind\", \"op\": \"mk", "local.bind.mkdir.w1.json: not valid JSON")]
    [InlineData("probe/local.bind.mkdir.w1.json", "{\"provider\": \"local\", \"mount\": \"bind\", \"op\": \"mkdir\", \"workers\": 1, \"ops\": 300, \"failures\": 0, \"histogram\": \"bm90IGEgaGlzdG9ncmFt\", \"samples_ns\": [1, 2]}", "local.bind.mkdir.w1.json: \"histogram\" is corrupt")]
    [InlineData("probe/local.bind.mkdir.w1.json", "{\"provider\": \"local\", \"mount\": \"bind\", \"op\": \"mkdir\", \"workers\": 1, \"ops\": 300, \"failures\": 0, \"histogram\": \"%%%\", \"samples_ns\": [1, 2]}", "local.bind.mkdir.w1.json: \"histogram\" is corrupt")]
    [InlineData("probe/local.bind.mkdir.w1.json", "{\"provider\": \"podman\", \"mount\": \"bind\", \"op\": \"mkdir\", \"workers\": 1}", "describes case podman/bind/mkdir/w1, expected local/bind/mkdir/w1")]
    public void CorruptOrMissingRunFile(string file, string? content, string expected)
    {
        using var run = SmallRun();
        if (content is null) File.Delete(run.PathOf(file));
        else File.WriteAllText(run.PathOf(file), content);
        AssertOneLineError(CliRunner.Run("report", run.Directory), expected);
        Assert.False(File.Exists(run.PathOf("memo.md")));
    }

    [Fact]
    public void UnknownMetric()
    {
        using var a = SmallRun();
        using var b = SmallRun();
        AssertOneLineError(CliRunner.Run("trend", a.Directory, b.Directory, "--metric", "p42"), "--metric: unknown metric 'p42'");
    }

    [Fact]
    public void BadThreshold()
    {
        using var a = SmallRun();
        using var b = SmallRun();
        AssertOneLineError(CliRunner.Run("compare", a.Directory, b.Directory, "--threshold", "lots"), "--threshold: 'lots' is not a threshold");
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("compare", "only-one-run")]
    [InlineData("report", "--no-such-option", "x")]
    public void CommandLineErrors(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain('\n', result.Err.TrimEnd());
    }
}
