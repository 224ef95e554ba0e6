using CsvHelper;

namespace Analysis.RunFolder;

/// <summary>
/// One row of <c>restarts.csv</c>: the host restarted a provider's shared guest because its channel died
/// (a mount failure of the kind the runner reports as <c>exit_code=4</c>) before running <see cref="Case"/>.
/// </summary>
[CsvRecord]
public sealed partial class RestartRow
{
    [CsvColumn("utc")] public string Utc { get; set; } = "";
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("case")] public string Case { get; set; } = "";
    [CsvColumn("reason")] public string Reason { get; set; } = "";

    /// <summary>The reason's first non-empty line, at most <paramref name="max"/> characters.</summary>
    public string ShortReason(int max = 160)
    {
        string line = Reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    /// <summary>The rows of a run folder's restarts.csv, or none when the run needed no restart (no file).</summary>
    public static IReadOnlyList<RestartRow> ReadIfPresent(string directory)
    {
        string path = Path.Combine(directory, "restarts.csv");
        return File.Exists(path) ? CsvFile.Read<RestartRow>(path).ToList() : [];
    }
}
