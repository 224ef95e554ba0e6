using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FsBench.Protocol;

namespace FsBench.RunFormat;

/// <summary>
/// One row of <c>workloads.csv</c>: one measured repetition of a workload on a provider and mount (warmup repetitions
/// are not written). <c>failures_by_errno</c> is "ENOENT:3;OK:1" (empty when none): calls whose outcome differed from
/// the host recording.
/// </summary>
[CsvRecord]
public sealed partial class WorkloadRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    [CsvColumn("workload")] public string Workload { get; set; } = "";
    /// <summary>1-based.</summary>
    [CsvColumn("rep")] public int Rep { get; set; }
    [CsvColumn("calls")] public long Calls { get; set; }
    /// <summary>The workers the recorded threads were mapped to.</summary>
    [CsvColumn("lanes")] public int Lanes { get; set; }
    /// <summary>Time to completion of the trace in the guest, from the workers' start to the last call's end.</summary>
    [CsvColumn("wall_ns")] public long WallNs { get; set; }
    /// <summary>The untimed set-up traces before it.</summary>
    [CsvColumn("setup_ns")] public long SetupNs { get; set; }
    [CsvColumn("failures")] public long Failures { get; set; }
    [CsvColumn("failures_by_errno")] public string FailuresByErrnoText { get; set; } = "";

    [CsvIgnore]
    public IReadOnlyDictionary<string, long> FailuresByErrno
    {
        get => FailuresByErrnoText.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':'))
            .ToDictionary(e => e[0], e => long.Parse(e[1], CultureInfo.InvariantCulture));
        init => FailuresByErrnoText = string.Join(';', value.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => $"{e.Key}:{e.Value.ToString(CultureInfo.InvariantCulture)}"));
    }

    /// <summary>The rows of a run's workloads.csv, or none when the run replayed no workload.</summary>
    public static IReadOnlyList<WorkloadRow> ReadIfPresent(string runDir) =>
        RunFormatCsv.ReadIfPresent<WorkloadRow>(new RunFolderLayout(runDir).Workloads);
}

/// <summary><c>workloads/&lt;provider&gt;.&lt;mount&gt;.&lt;workload&gt;.r&lt;N&gt;.json</c>: the probe's replay reply of one measured repetition.</summary>
public static class WorkloadReplyFile
{
    public static void Write(string path, ReplayReply reply)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(reply, ProtocolJson.Default.ReplayReply));
    }

    public static ReplayReply Read(string path)
    {
        if (!File.Exists(path)) throw new RunFormatException(path, "file is missing");
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ProtocolJson.Default.ReplayReply)
                   ?? throw new RunFormatException(path, "file holds JSON null");
        }
        catch (JsonException e) { throw new RunFormatException(path, $"not valid JSON ({e.Message})"); }
    }
}
