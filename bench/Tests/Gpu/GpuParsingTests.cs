using FsBench.Host.Gpu;

namespace FsBench.Tests.Gpu;

/// <summary>vulkaninfo --summary, llama-bench and ls /dev/dri as those tools printed them.</summary>
public sealed class GpuParsingTests
{
    [Fact]
    public void Vulkaninfo_in_a_libkrun_container_shows_the_venus_device()
    {
        var d = Assert.Single(VulkanSummary.Parse(Fixture.Read("vulkaninfo-summary-venus-m2-podman.txt")));
        Assert.Equal(("Virtio-GPU Venus (Apple M2)", "venus", "1.2.0"), (d.Name, d.Driver, d.ApiVersion));
        Assert.False(d.IsCpu);
        Assert.Equal("Mesa 23.3.5", d.DriverInfo);
    }

    [Fact]
    public void Vulkaninfo_tells_the_venus_gpu_from_the_llvmpipe_software_device()
    {
        var devices = VulkanSummary.Parse(Fixture.Read("vulkaninfo-summary-venus-llvmpipe.txt"));
        Assert.Equal(["Virtio-GPU Venus (Apple M2)", "llvmpipe (LLVM 17.0.6, 128 bits)"], devices.Select(d => d.Name));
        Assert.Equal([false, true], devices.Select(d => d.IsCpu));
        Assert.Equal("1.3.267", devices[1].ApiVersion);
    }

    [Fact]
    public void Llama_bench_throughput_is_read_from_its_markdown_table()
    {
        var rows = LlamaBench.Parse(Fixture.Read("llama-bench-readme.md"));
        Assert.Equal(["pp512", "tg128"], rows.Select(r => r.Test));
        Assert.Equal((2368.80, 93.24), (rows[0].TokensPerSecond, rows[0].StdDev));
        Assert.Equal((131.42, 0.59), (rows[1].TokensPerSecond, rows[1].StdDev));
        Assert.Equal(("llama 7B mostly Q4_0", "CUDA"), (rows[0].Model, rows[0].Backend));
    }

    [Fact]
    public void Llama_bench_rows_at_a_context_depth_keep_their_label()
    {
        var rows = LlamaBench.Parse("ggml_vulkan: Found 1 Vulkan devices:\n" + Fixture.Read("llama-bench-readme-depth.md") + "\nbuild: 1234abcd (5000)\n");
        Assert.Equal(["pp512", "tg128", "pp512@d512", "tg128@d512"], rows.Select(r => r.Test));
        Assert.Equal(116.71, rows[3].TokensPerSecond);
    }

    [Fact]
    public void Output_without_a_table_gives_no_results()
    {
        Assert.Empty(LlamaBench.Parse("error: failed to load model '/models/m.gguf'\n"));
        Assert.Empty(VulkanSummary.Parse("ERROR: [Loader Message] Code 0 : vkCreateInstance failed with ERROR_INCOMPATIBLE_DRIVER\n"));
    }

    [Fact]
    public void Render_nodes_are_found_in_ls_output()
    {
        Assert.Equal(["renderD128"], GpuProbe.RenderNodes(Fixture.Read("ls-dev-dri-libkrun-container.txt")));
        Assert.Equal(["renderD128"], GpuProbe.RenderNodes("by-path\ncard0\nrenderD128\n"));
        Assert.Empty(GpuProbe.RenderNodes(""));
    }

    [Fact]
    public void A_vulkaninfo_error_is_recorded_with_its_message()
    {
        string note = GpuProbe.VulkanNoteFor(1, Fixture.Read("vulkaninfo-error-initialization-failed.txt"), [])!;
        Assert.StartsWith("vulkaninfo failed (exit 1)", note);
        Assert.Contains("ERROR_INITIALIZATION_FAILED", note);
    }

    [Fact]
    public void Without_a_venus_device_the_probe_says_so_and_with_one_it_says_nothing()
    {
        var both = VulkanSummary.Parse(Fixture.Read("vulkaninfo-summary-venus-llvmpipe.txt"));
        Assert.Null(GpuProbe.VulkanNoteFor(0, "", both));
        var cpuOnly = both.Where(d => d.IsCpu).ToList();
        string note = GpuProbe.VulkanNoteFor(0, "", cpuOnly)!;
        Assert.StartsWith("no Venus device", note);
        Assert.Contains("llvmpipe", note);
        Assert.EndsWith("software rendering only", note);
        Assert.Equal("no Venus device (virtio-gpu Venus): no Vulkan device", GpuProbe.VulkanNoteFor(0, "", []));
    }
}
