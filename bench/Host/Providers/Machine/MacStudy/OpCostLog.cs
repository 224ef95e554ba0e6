using System.Globalization;

namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>
/// opcost.csv in the study folder: every machine command the study times (init, first start, stop, warm start,
/// remove), one row each, appended as it ends. Warm starts between benchmark repetitions are operational-cost data.
/// </summary>
public sealed class OpCostLog(string path)
{
    public const string Header = "utc,step,provider,machine,action,seconds,exit_code";

    public void Append(string step, string provider, string machine, string action, ToolRun r)
    {
        if (!File.Exists(path)) File.WriteAllText(path, Header + "\n");
        File.AppendAllText(path, string.Join(',', DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture), step, provider, machine, action,
            r.Took.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture), r.ExitCode.ToString(CultureInfo.InvariantCulture)) + "\n");
    }
}
