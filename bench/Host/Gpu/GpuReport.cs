using System.Text.Json;

namespace FsBench.Host.Gpu;

/// <summary>gpu/&lt;provider&gt;.json: what the guest (or container) sees of a GPU, and what a workload got from it.</summary>
public sealed record GpuReport
{
    public string Provider { get; init; } = "";
    public string Utc { get; init; } = DateTime.UtcNow.ToString("o");
    public string Image { get; init; } = "";
    public List<string> RenderNodes { get; init; } = [];
    /// <summary>Why there is no render node (the error of `ls /dev/dri` or of --device /dev/dri), or null.</summary>
    public string? RenderNodeNote { get; init; }
    public List<VulkanDevice> VulkanDevices { get; init; } = [];
    public string? VulkanNote { get; init; }
    public string? Workload { get; init; }
    public int? WorkloadExitCode { get; init; }
    public List<LlamaBenchResult> WorkloadResults { get; init; } = [];
    public string? WorkloadNote { get; init; }

    public bool HasGpu => VulkanDevices.Any(d => !d.IsCpu);

    public string Write(string runDir)
    {
        string dir = new Study.RunFolder(runDir).GpuDir;
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, $"{Provider}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(this, Study.StudySettings.Json));
        return path;
    }
}
