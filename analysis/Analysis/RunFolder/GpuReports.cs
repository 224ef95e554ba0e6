namespace Analysis.RunFolder;

/// <summary>Reads a run folder's <c>gpu/&lt;provider&gt;.json</c> files (<see cref="GpuReport"/>), checking what the analysis relies on.</summary>
public static class GpuReports
{
    /// <summary>The reports of a run folder's gpu/ directory, by provider; none when there is no such directory.</summary>
    public static IReadOnlyList<GpuReport> ReadAll(string runDirectory)
    {
        string dir = new RunFolderLayout(runDirectory).GpuDir;
        if (!Directory.Exists(dir)) return [];
        var reports = new List<GpuReport>();
        foreach (string path in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var report = RunFormatJson.Read<GpuReport>(path);
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
