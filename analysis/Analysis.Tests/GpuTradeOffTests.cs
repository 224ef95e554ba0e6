using Analysis.Cases;
using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

public sealed class GpuTradeOffTests
{
    private const string VenusReport = """
        {
          "provider": "qemu-virtiofs", "utc": "2026-01-01T00:20:00Z", "image": "synthetic/vulkan:1",
          "render_nodes": ["/dev/dri/renderD128"],
          "vulkan_devices": [ { "name": "Synthetic Venus GPU", "driver": "venus", "api_version": "1.2.0", "type": "PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU", "driver_info": "synthetic" } ],
          "workload": "llama-bench", "workload_exit_code": 0,
          "workload_results": [
            { "model": "synthetic 1B Q4_0", "backend": "Vulkan", "test": "pp512", "tokens_per_second": 321.5, "std_dev": 4.2 },
            { "model": "synthetic 1B Q4_0", "backend": "Vulkan", "test": "tg128", "tokens_per_second": 23.75, "std_dev": 0.5 }
          ]
        }
        """;

    private const string CpuOnlyReport = """
        {
          "provider": "local", "utc": "2026-01-01T00:21:00Z", "image": "synthetic/vulkan:1",
          "render_nodes": [], "render_node_note": "ls: cannot access '/dev/dri': No such file or directory",
          "vulkan_devices": [ { "name": "llvmpipe (LLVM 15.0.6, 256 bits)", "driver": "llvmpipe", "api_version": "1.3.230", "type": "PHYSICAL_DEVICE_TYPE_CPU", "driver_info": "Mesa" } ]
        }
        """;

    [Fact]
    public void WithoutGpuDataTheMemoShowsThePublishedFiguresLabelledAsSuch()
    {
        using var run = new SyntheticRun().Write();

        CliRunner.Succeeds("report", run.Directory);
        string findings = run.Text("findings.md");
        Assert.Contains("GPU: **not enough evidence**: no GPU data; `./run-bench.sh gpu --provider libkrun --out <run>` on a Mac gives it.", findings);
        Assert.False(File.Exists(run.PathOf("figures/gpu-tradeoff.png")));
        string memo = run.Text("memo.md");
        Assert.Matches(@"\| GPU \| libkrun \(published, not measured here\) \|[^\n]*75–80% of native[^\n]*ollama/ollama#5059", memo);
        Assert.Contains("](figures/gpu-decision.png)", memo);
        string svg = run.Text("figures/gpu-decision.svg");
        Assert.Contains("published, not measured here", svg);
        Assert.Contains("libkrun, this study: not measured here", svg);
    }

    [Fact]
    public void GpuReportsGiveATableBesideMetadataSpeedAndAFigure()
    {
        using var run = new SyntheticRun().Write();
        Directory.CreateDirectory(run.PathOf("gpu"));
        File.WriteAllText(run.PathOf("gpu/qemu-virtiofs.json"), VenusReport);
        File.WriteAllText(run.PathOf("gpu/local.json"), CpuOnlyReport);

        CliRunner.Succeeds("report", run.Directory);
        string memo = run.Text("findings.md");
        Assert.Contains("| synthetic-host | `local` | none (only llvmpipe (LLVM 15.0.6, 256 bits), CPU) | no workload run | ×1 (baseline) | 0 / 12,000", memo);
        Assert.Matches(@"\| synthetic-host \| `qemu-virtiofs` \| Synthetic Venus GPU \(venus, Vulkan 1\.2\.0\) \| pp512 322 ± 4\.2 t/s \(Vulkan\), tg128 23\.75 ± 0\.5 t/s \(Vulkan\) \| ×\d+(\.\d+)? over 4 cases \| 0 / 12,000", memo);
        Assert.DoesNotContain("no GPU data;", memo);
        Assert.True(File.Exists(run.PathOf("figures/gpu-tradeoff.png")));
        Assert.Contains("](figures/gpu-tradeoff.png)", memo);
        Assert.Contains("](figures/gpu-tradeoff.png)", run.Text("memo.md"));
        Assert.False(File.Exists(run.PathOf("figures/gpu-decision.png")), "measured data replaces the published figure");
        string svg = run.Text("figures/gpu-tradeoff.svg");
        Assert.Contains("local: no GPU", svg);
        Assert.Contains("qemu-virtiofs: 23.75 tokens/s", svg);
        Assert.Contains("tg128 tokens/s", svg);
    }

    [Fact]
    public void HeadlineTestPrefersTokenGeneration()
    {
        var report = new FsBench.RunFormat.GpuReport
        {
            WorkloadResults = [new() { Test = "pp512", TokensPerSecond = 300 }, new() { Test = "tg128", TokensPerSecond = 20 }],
        };
        Assert.Equal("tg128", GpuTradeOff.HeadlineTest([report]));
        Assert.Null(GpuTradeOff.HeadlineTest([new FsBench.RunFormat.GpuReport()]));
    }

    [Fact]
    public void ACorruptGpuReportIsAOneLineBadInputError()
    {
        using var run = new SyntheticRun { Ops = ["mkdir"], Workers = [1], OpsPerCase = 300 }.Write();
        Directory.CreateDirectory(run.PathOf("gpu"));
        File.WriteAllText(run.PathOf("gpu/libkrun.json"), "{\"provider\": \"libkrun\", \"vulkan_devi");

        var result = CliRunner.Run("report", run.Directory);

        Assert.Equal(2, result.ExitCode);
        string err = result.Err.TrimEnd();
        Assert.DoesNotContain('\n', err);
        Assert.StartsWith("analysis: ", err);
        Assert.Contains("libkrun.json: not valid JSON", err);
        Assert.False(File.Exists(run.PathOf("memo.md")));
    }
}
