namespace Analysis.RunFolder;

/// <summary>
/// <c>gpu/&lt;provider&gt;.json</c> (written by <c>fsbench gpu</c>): the render nodes and Vulkan devices a provider's guest
/// sees, and what an optional workload (llama-bench) measured on it. Every number here was measured by the run.
/// </summary>
public sealed record GpuReport
{
    public string Provider { get; init; } = "";
    public string? Utc { get; init; }
    public string? Image { get; init; }
    public List<string> RenderNodes { get; init; } = [];
    public string? RenderNodeNote { get; init; }
    public List<GpuVulkanDevice> VulkanDevices { get; init; } = [];
    public string? VulkanNote { get; init; }
    public string? Workload { get; init; }
    public int? WorkloadExitCode { get; init; }
    public List<GpuWorkloadResult> WorkloadResults { get; init; } = [];
    public string? WorkloadNote { get; init; }

    /// <summary>A Vulkan device that is not a software rasterizer (llvmpipe, lavapipe).</summary>
    public GpuVulkanDevice? Gpu => VulkanDevices.FirstOrDefault(d => !d.IsCpu);

    /// <summary>The reports of a run folder's gpu/ directory, by provider; none when there is no such directory.</summary>
    public static IReadOnlyList<GpuReport> ReadAll(string runDirectory)
    {
        string dir = Path.Combine(runDirectory, "gpu");
        if (!Directory.Exists(dir)) return [];
        var reports = new List<GpuReport>();
        foreach (string path in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var report = RunJson.Read<GpuReport>(path);
            string fromName = Path.GetFileNameWithoutExtension(path);
            if (string.IsNullOrEmpty(report.Provider)) report = report with { Provider = fromName };
            if (report.VulkanDevices.Any(d => d is null) || report.WorkloadResults.Any(r => r is null))
                throw new BadInputException(path, "\"vulkan_devices\" or \"workload_results\" holds null");
            if (report.WorkloadResults.Any(r => !(r.TokensPerSecond >= 0) || double.IsInfinity(r.TokensPerSecond)))
                throw new BadInputException(path, "\"workload_results\" holds a tokens_per_second that is not a non-negative number");
            reports.Add(report);
        }
        return reports;
    }
}

/// <summary>One device of <c>vulkaninfo --summary</c>.</summary>
public sealed record GpuVulkanDevice
{
    public string Name { get; init; } = "";
    public string Driver { get; init; } = "";
    public string ApiVersion { get; init; } = "";
    public string Type { get; init; } = "";
    public string DriverInfo { get; init; } = "";

    /// <summary>As the host decides it (VulkanSummary.IsCpu): PHYSICAL_DEVICE_TYPE_CPU is a software rasterizer.</summary>
    public bool IsCpu => Type.Contains("CPU", StringComparison.Ordinal);
}

/// <summary>One llama-bench row: test (pp512, tg128) and mean ± sd tokens per second.</summary>
public sealed record GpuWorkloadResult
{
    public string Model { get; init; } = "";
    public string Backend { get; init; } = "";
    public string Test { get; init; } = "";
    public double TokensPerSecond { get; init; }
    public double StdDev { get; init; }
}
