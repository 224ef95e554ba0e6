using System.Globalization;

namespace FsBench.Host.Gpu;

/// <summary>Reads llama-bench's default output (-o md): a markdown table whose last two columns are test and t/s.</summary>
public static class LlamaBench
{
    public static List<GpuWorkloadResult> Parse(string output)
    {
        var rows = new List<GpuWorkloadResult>();
        string[]? header = null;
        foreach (var raw in output.Split('\n'))
        {
            string line = raw.Trim();
            if (!line.StartsWith('|')) { header = line.Length == 0 ? header : null; continue; }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Contains("t/s") && cells.Contains("test")) { header = cells; continue; }
            if (header is null || cells.All(c => c.Trim(':', '-').Length == 0)) continue;
            string Cell(string name) => Array.IndexOf(header, name) is int i and >= 0 && i < cells.Length ? cells[i] : "";
            var tps = Cell("t/s").Split('±');
            if (!double.TryParse(tps[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double mean)) continue;
            double sd = tps.Length > 1 && double.TryParse(tps[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) ? s : 0;
            rows.Add(new GpuWorkloadResult { Model = Cell("model"), Backend = Cell("backend"), Test = Cell("test").Replace(" ", ""), TokensPerSecond = mean, StdDev = sd });
        }
        return rows;
    }
}
