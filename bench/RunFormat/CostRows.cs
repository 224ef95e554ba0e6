using CsvHelper;

namespace FsBench.RunFormat;

/// <summary>
/// One row of a run folder's <c>cycles.csv</c>: one timed start or stop of an exclusive provider around its cases in a
/// repetition, or of a guest booted anew for a repetition (--fresh-guest): the operational cost of switching between
/// one-at-a-time machines, or of a boot per repetition.
/// </summary>
[CsvRecord]
public sealed partial class CycleRow
{
    [CsvColumn("utc")] public string Utc { get; set; } = "";
    /// <summary>1-based.</summary>
    [CsvColumn("repetition")] public int Repetition { get; set; }
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("action")] public string Action { get; set; } = "";
    [CsvColumn("seconds")] public double Seconds { get; set; }
    [CsvColumn("ok")] public bool Ok { get; set; }
    [CsvColumn("error")] public string Error { get; set; } = "";
}

/// <summary>One row of the mac study's <c>opcost.csv</c>: one timed machine command (init, start, stop, remove).</summary>
[CsvRecord]
public sealed partial class OpCostRow
{
    [CsvColumn("utc")] public string Utc { get; set; } = "";
    [CsvColumn("step")] public string Step { get; set; } = "";
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("machine")] public string Machine { get; set; } = "";
    [CsvColumn("action")] public string Action { get; set; } = "";
    [CsvColumn("seconds")] public double Seconds { get; set; }
    [CsvColumn("exit_code")] public int ExitCode { get; set; }
}

/// <summary>One row of a mac-study step's <c>freeze-windows.csv</c>: one freeze of a machine's VMM (SIGSTOP to SIGCONT).</summary>
[CsvRecord]
public sealed partial class FreezeWindowRow
{
    [CsvColumn("machine")] public string Machine { get; set; } = "";
    [CsvColumn("start_utc")] public string StartUtc { get; set; } = "";
    [CsvColumn("end_utc")] public string EndUtc { get; set; } = "";
}
