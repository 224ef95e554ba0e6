using System.Text.Json.Serialization;

namespace FsBench.RunFormat;

/// <summary>
/// <c>gpu/&lt;provider&gt;.json</c> (written by <c>fsbench gpu</c>): the render nodes and Vulkan devices a provider's guest
/// sees, and what an optional workload (llama-bench) measured on it. Every number here was measured by the run.
/// </summary>
public sealed record GpuReport
{
    public string Provider { get; set; } = "";
    public string? Utc { get; set; }
    public string? Image { get; set; }
    public List<string> RenderNodes { get; set; } = [];
    /// <summary>Why there is no render node (the error of `ls /dev/dri` or of --device /dev/dri), or null.</summary>
    public string? RenderNodeNote { get; set; }
    public List<GpuVulkanDevice> VulkanDevices { get; set; } = [];
    public string? VulkanNote { get; set; }
    public string? Workload { get; set; }
    public int? WorkloadExitCode { get; set; }
    public List<GpuWorkloadResult> WorkloadResults { get; set; } = [];
    public string? WorkloadNote { get; set; }

    /// <summary>A Vulkan device that is not a software rasterizer (llvmpipe, lavapipe).</summary>
    [JsonIgnore] public GpuVulkanDevice? Gpu => VulkanDevices.FirstOrDefault(d => !d.IsCpu);
    [JsonIgnore] public bool HasGpu => Gpu is not null;
}

/// <summary>One device of <c>vulkaninfo --summary</c>: "Virtio-GPU Venus (Apple M2)", venus, 1.2.0.</summary>
public sealed record GpuVulkanDevice
{
    public string Name { get; set; } = "";
    public string Driver { get; set; } = "";
    public string ApiVersion { get; set; } = "";
    public string Type { get; set; } = "";
    public string DriverInfo { get; set; } = "";

    /// <summary>PHYSICAL_DEVICE_TYPE_CPU: a software rasterizer (llvmpipe, lavapipe), not a GPU.</summary>
    [JsonIgnore] public bool IsCpu => Type.Contains("CPU", StringComparison.Ordinal);
}

/// <summary>One llama-bench row: test (pp512, tg128) and mean ± sd tokens per second.</summary>
public sealed record GpuWorkloadResult
{
    public string Model { get; set; } = "";
    public string Backend { get; set; } = "";
    public string Test { get; set; } = "";
    public double TokensPerSecond { get; set; }
    public double StdDev { get; set; }
}
