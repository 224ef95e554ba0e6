using System.Globalization;

namespace FsBench.Host.Soak;

/// <summary>
/// One line of events.csv: what happened when. Kinds: soak_start, soak_end, fault_start, fault_end, fault_not_applied,
/// fault_error, mount_failure, session_restart, recovered, knownbugs (a pass under load), note.
/// </summary>
public sealed record SoakEvent(double TS, DateTime Utc, string Kind, string Fault, string Detail)
{
    public const string CsvHeader = "t_s,utc,kind,fault,detail";

    public string ToCsv() => string.Join(',', TS.ToString("0.000", CultureInfo.InvariantCulture), Utc.ToString("o"), Kind, Fault, Quote(Detail));

    private static string Quote(string s) => "\"" + s.Replace("\"", "'").Replace('\n', ' ') + "\"";
}
