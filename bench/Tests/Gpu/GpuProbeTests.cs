using System.Text.Json.Nodes;
using FsBench.Host.Gpu;

namespace FsBench.Tests.Gpu;

/// <summary>The GPU probe for real on this host, and where its commands go on the other providers.</summary>
public sealed class GpuProbeTests : TempDirTest
{
    [Fact]
    public async Task The_local_probe_records_what_this_host_has_in_the_run_folder()
    {
        var report = await GpuProbe.RunAsync(GpuTarget.For("local", null, null), workload: null, CancellationToken.None);
        string path = report.Write(Tmp.Path);
        Assert.Equal(Path.Combine(Tmp.Path, "gpu", "local.json"), path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("local", (string?)json["provider"]);
        bool hasRenderNode = Directory.Exists("/dev/dri") && Directory.EnumerateFileSystemEntries("/dev/dri", "renderD*").Any();
        if (!hasRenderNode)
        {
            Assert.Empty(json["render_nodes"]!.AsArray());
            Assert.StartsWith("no render node", (string?)json["render_node_note"]);
            Assert.Empty(json["vulkan_devices"]!.AsArray());   // no render node: no Vulkan device probed, no GPU
        }
        else Assert.NotEmpty(json["render_nodes"]!.AsArray());
    }

    [Fact]
    public void On_a_machine_the_commands_run_in_a_container_given_the_render_device()
    {
        var t = GpuTarget.For("libkrun", null, "/Users/me/models:/models:ro");
        var (exe, args) = t.Command("vulkaninfo", "--summary");
        Assert.Equal("podman", exe);
        Assert.Equal(["--connection", "fsbench-libkrun", "run", "--rm", "--device", "/dev/dri", "-v", "/Users/me/models:/models:ro",
            GpuTarget.DefaultMachineImage, "vulkaninfo", "--summary"], args);
    }

    [Fact]
    public void Locally_the_commands_run_on_the_host()
    {
        var (exe, args) = GpuTarget.For("local", null, null).Command("ls", "-1", "/dev/dri");
        Assert.Equal("ls", exe);
        Assert.Equal(["-1", "/dev/dri"], args);
    }

    [Fact]
    public void A_provider_without_a_gpu_probe_is_refused()
    {
        Assert.Throws<FsBench.Host.Study.StudyException>(() => GpuTarget.For("qemu-virtiofs", null, null));
    }
}
