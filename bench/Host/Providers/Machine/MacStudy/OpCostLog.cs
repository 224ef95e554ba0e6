using System.Globalization;

namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>
/// opcost.csv in the study folder: every machine command the study times (init, first start, stop, warm start,
/// remove), one row each, appended as it ends. Warm starts between benchmark repetitions are operational-cost data.
/// </summary>
public sealed class OpCostLog(string path)
{
    public void Append(string step, string provider, string machine, string action, ToolRun r) =>
        RunFormatCsv.Append(path, new OpCostRow
        {
            Utc = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture), Step = step, Provider = provider, Machine = machine,
            Action = action, Seconds = Math.Round(r.Took.TotalSeconds, 2), ExitCode = r.ExitCode,
        });
}
