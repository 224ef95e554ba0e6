using Analysis.Tests.Synthetic;
using SkiaSharp;

namespace Analysis.Tests;

public class ReportTests
{
    private static readonly SyntheticProvider Local = new("local", "native", 20_000);

    [Fact]
    public void ReportWritesAShortMemoAnAppendixWithEveryFigureAndSvgOnlyForHeadlines()
    {
        using var run = new SyntheticRun
        {
            Providers = [Local, new("qemu-virtiofs", "tcg", 400_000, 0.01, "EIO"), new("krunkit-next", "hvf", 60_000)],
            Mounts = ["bind", "overlay"], Ops = ["mkdir", "stat"], Workers = [1, 4], OpsPerCase = 1000,
        }.Write();

        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("memo.md");
        TextAssert.ContainsAll(memo, "software emulation", "## Verdicts", "](appendix.md)", "](findings.md)");
        Assert.DoesNotContain("### Operation", memo);
        Assert.True(memo.Split('\n').Length < 200, "a memo is one screen of verdicts, not every table");
        Assert.InRange(memo.Split("![").Length - 1, 1, 4);
        string appendix = run.Text("appendix.md");
        TextAssert.ContainsAll(appendix, "**Status: complete**", "### Operation `mkdir`", "EIO", "**slower**", "](figures/ecdf.mkdir.w4.png)", "](memo.md)");
        string[] figures =
        [
            "failures-by-errno", "throughput-vs-local.w1", "throughput-vs-local.w4", "slowdown-heatmap.w1", "slowdown-heatmap.w4",
            "throughput-vs-workers.mkdir", "throughput-vs-workers.stat", "ecdf.mkdir.w1", "ecdf.mkdir.w4", "ecdf.stat.w1", "ecdf.stat.w4",
        ];
        string[] headlines = ["failures-by-errno", "throughput-vs-local.w4", "gpu-decision"];
        foreach (string f in figures.Concat(headlines))
        {
            Assert.True(File.Exists(run.PathOf($"figures/{f}.png")), f);
            Assert.Equal(headlines.Contains(f), File.Exists(run.PathOf($"figures/{f}.svg")));
            Assert.True(TitleHasText(run.PathOf($"figures/{f}.png")), $"{f}.png has no title text");
            Assert.True(memo.Contains($"](figures/{f}.png)") || appendix.Contains($"](figures/{f}.png)"), $"{f} is linked from nowhere");
        }
        CliRunner.Succeeds("report", "--svg", run.Directory);
        Assert.True(new FileInfo(run.PathOf("figures/ecdf.mkdir.w1.svg")).Length < 400_000, "ECDF SVG should be thinned");
    }

    [Fact]
    public void A_run_with_workloads_keeps_the_memo_at_four_figures_with_the_workloads_among_them()
    {
        using var run = new SyntheticRun { Providers = [Local, new("qemu-virtiofs", "tcg", 400_000)], Ops = ["mkdir"], Workers = [1], OpsPerCase = 500 }.Write();
        var layout = new FsBench.RunFormat.RunFolderLayout(run.Directory);
        for (int rep = 1; rep <= 3; rep++)
        foreach (var (provider, seconds) in new[] { ("local", 1.0), ("qemu-virtiofs", 4.0) })
            FsBench.RunFormat.RunFormatCsv.Append(layout.Workloads, new FsBench.RunFormat.WorkloadRow
            {
                Provider = provider, Mount = "bind", Workload = "build", Rep = rep, Calls = 4695, Lanes = 3, WallNs = (long)(seconds * 1e9) + rep,
            });

        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("memo.md");
        Assert.Equal(4, memo.Split("![").Length - 1);
        Assert.Contains("](figures/workloads-vs-native.png)", memo);
        Assert.Contains("## Workloads: real tools as a percentage of native", memo);
        Assert.True(memo.Split('\n').Length < 200);
    }

    [Fact]
    public void RunWithoutFailuresSaysSoInTheFailureFigure()
    {
        using var run = new SyntheticRun { Providers = [Local], Ops = ["mkdir"], Workers = [1], OpsPerCase = 500 }.Write();
        CliRunner.Succeeds("report", run.Directory);
        Assert.Contains("no failures in 500 ops", run.Text("figures/failures-by-errno.svg"));
        Assert.Contains("0 / 500 (≤ 0.60%)", run.Text("findings.md"));
    }

    [Fact]
    public void PartialRunIsReportedAsPartialAndMissingProbesAreTolerated()
    {
        using var run = new SyntheticRun { Status = "running", Providers = [Local], Ops = ["mkdir", "stat"], Workers = [1], OpsPerCase = 500 }.Write();
        File.Delete(run.PathOf("probe/local.bind.stat.w1.json"));
        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("appendix.md");
        Assert.Contains("**Status: PARTIAL run** (manifest status \"running\")", memo);
        Assert.Contains("**PARTIAL** (running)", run.Text("memo.md"));
        Assert.Contains("probe file missing", memo);
    }

    [Fact]
    public void WithoutAppleHvAndLibkrunEveryMitigationLacksEvidence()
    {
        using var run = new SyntheticRun { Providers = [Local], Ops = ["mkdir"], Workers = [1], OpsPerCase = 300 }.Write();
        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("memo.md");
        foreach (string m in new[] { "vfkit watchdog", "sleep prevention", "overlay-volume placement", "named-volume mirroring of status files" })
            Assert.Matches($@"\| mitigation: {m} \| \*\*not enough evidence\*\* \| no side-by-side evidence of `applehv` and `libkrun`", memo);
        Assert.Contains("`./run-bench.sh mac-study --repetitions ", memo);
        Assert.Contains("--soak-faults 'freeze:every=300s,for=20s'`", memo);
        Assert.True(File.Exists(run.PathOf("evidence-plan.json")));
    }

    [Fact]
    public void MitigationVerdictsFollowTheRules()
    {
        // applehv fails on both mounts; libkrun never fails on bind but does on overlay (EOPNOTSUPP).
        using var run = new SyntheticRun
        {
            Providers = [Local, new("applehv", "hvf", 80_000, 0.01, "EACCES"), new("libkrun", "hvf", 70_000)],
            Mounts = ["bind", "overlay"], Ops = ["mkdir", "create", "setxattr"], Workers = [1, 4], OpsPerCase = 3000,
        }.Write();
        string summary = run.Text("summary.csv");
        File.WriteAllText(run.PathOf("summary.csv"), summary.Replace("libkrun,overlay,setxattr,4,3000,0,", "libkrun,overlay,setxattr,4,3000,7,"));
        File.AppendAllText(run.PathOf("failures.csv"), "libkrun,overlay,setxattr,4,EOPNOTSUPP,7\n");

        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("memo.md");
        Assert.Matches(@"\| mitigation: named-volume mirroring of status files \| removable \|", memo);
        Assert.Matches(@"\| mitigation: overlay-volume placement \| still needed \|[^\n]*EOPNOTSUPP 7", memo);
        Assert.Matches(@"\| mitigation: vfkit watchdog \| \*\*not enough evidence\*\* \|[^\n]*provider restarts", memo);
        Assert.Matches(@"\| mitigation: sleep prevention \| \*\*not enough evidence\*\*", memo);
        Assert.Matches(@"\| reliability[^|]*\| libkrun still fails \|", memo);
        Assert.Contains("**libkrun fails less often than applehv, but it still fails**", run.Text("findings.md"));
    }

    [Fact]
    public void SeveralRunsMergeIntoOneMemoLabelledByHost()
    {
        using var linux = new SyntheticRun { Hostname = "linux-vm", Providers = [Local], Ops = ["mkdir"], Workers = [1], OpsPerCase = 300 }.Write();
        using var mac = new SyntheticRun
        {
            Hostname = "mac-mini", HostIsVm = false, Providers = [Local, new("applehv", "hvf", 80_000), new("libkrun", "hvf", 70_000)],
            Ops = ["mkdir"], Workers = [1], OpsPerCase = 300,
        }.Write();

        CliRunner.Succeeds("report", linux.Directory, mac.Directory);
        string memo = linux.Text("memo.md");
        Assert.Contains("# Appendix: run on linux-vm", linux.Text("appendix.md"));
        Assert.Contains("# Appendix: run on mac-mini", mac.Text("appendix.md"));
        Assert.Contains($"](../{Path.GetFileName(mac.Directory)}/appendix.md)", memo);
        Assert.Contains("](figures/ecdf.mkdir.w1.png)", mac.Text("appendix.md"));
        Assert.Contains($"](../{Path.GetFileName(linux.Directory)}/memo.md)", mac.Text("appendix.md"));
        Assert.True(File.Exists(mac.PathOf("figures/ecdf.mkdir.w1.png")));
        Assert.False(File.Exists(mac.PathOf("memo.md")));
    }

    /// <summary>ScottPlot silently draws no text without fonts: the title band of a figure must hold dark pixels.</summary>
    private static bool TitleHasText(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        int dark = 0;
        for (int y = 0; y < 40; y++)
        for (int x = bitmap.Width / 4; x < bitmap.Width * 3 / 4; x++)
        {
            var c = bitmap.GetPixel(x, y);
            if (c.Red < 100 && c.Green < 100 && c.Blue < 100) dark++;
        }
        return dark > 200;
    }
}
