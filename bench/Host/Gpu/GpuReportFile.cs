namespace FsBench.Host.Gpu;

/// <summary>Writes a <see cref="GpuReport"/> (bench/RunFormat) as gpu/&lt;provider&gt;.json of a run folder.</summary>
public static class GpuReportFile
{
    public static string Write(this GpuReport report, string runDir)
    {
        string path = new RunFolderLayout(runDir).Gpu(report.Provider);
        RunFormatJson.Write(path, report with { Utc = report.Utc ?? DateTime.UtcNow.ToString("o") });
        return path;
    }
}
