using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

public class ReportTests
{
    [Fact]
    public void ReportWritesMemoAndFigures()
    {
        var run = new SyntheticRun("/tmp/analysis-preview/run1")
        {
            Providers = [new("local", "native", 20_000), new("podman", "container", 30_000), new("qemu-virtiofs", "tcg", 400_000, 0.002, "EIO"), new("qemu-9p", "tcg", 900_000), new("weird", "kvm", 50_000)],
            Mounts = ["bind", "overlay"],
            Ops = ["mkdir", "stat", "setxattr"],
            Workers = [1, 4, 16],
        }.Write();
        var result = CliRunner.Run("report", run.Directory);
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.True(File.Exists(run.PathOf("memo.md")));
    }
}
