using CsvHelper;

namespace FsBench.RunFormat;

/// <summary>One row of <c>summary.csv</c>: one finished case. Latencies are of successful operations, in ns (empty when none succeeded).</summary>
[CsvRecord]
public sealed partial class SummaryRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    [CsvColumn("op")] public string Op { get; set; } = "";
    [CsvColumn("workers")] public int Workers { get; set; }
    /// <summary>Operations attempted: successes + failures.</summary>
    [CsvColumn("ops")] public long Ops { get; set; }
    [CsvColumn("failures")] public long Failures { get; set; }
    [CsvColumn("p50_ns")] public double? P50Ns { get; set; }
    [CsvColumn("p99_ns")] public double? P99Ns { get; set; }
    /// <summary>ops divided by the summed in-guest wall time of the batches (aggregate throughput of all workers).</summary>
    [CsvColumn("ops_per_s")] public double OpsPerS { get; set; }
    [CsvColumn("p999_ns")] public double? P999Ns { get; set; }
    [CsvColumn("mean_ns")] public double? MeanNs { get; set; }
    [CsvColumn("layout")] public string Layout { get; set; } = "";
    /// <summary><see cref="CaseStatus.Ok"/>, or <see cref="CaseStatus.Failed"/>: BenchmarkDotNet's iteration of the case failed, and the
    /// row holds what the probe recorded before (absent in older files: ok).</summary>
    [CsvColumn("status", Optional = true)] public string Status { get; set; } = CaseStatus.Ok;
    /// <summary>Why a failed case failed (one line); empty when it is ok.</summary>
    [CsvColumn("reason", Optional = true)] public string Reason { get; set; } = "";

    [CsvIgnore] public CaseKey Key => new(Provider, Mount, Op, Workers);
    [CsvIgnore] public bool IsOk => Status == CaseStatus.Ok;
}

/// <summary>A summary row's status.</summary>
public static class CaseStatus
{
    public const string Ok = "ok";
    public const string Failed = "failed";
}

/// <summary>One row of <c>failures.csv</c>: how often one case failed with one errno.</summary>
[CsvRecord]
public sealed partial class FailureRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    [CsvColumn("op")] public string Op { get; set; } = "";
    [CsvColumn("workers")] public int Workers { get; set; }
    [CsvColumn("errno")] public string Errno { get; set; } = "";
    [CsvColumn("count")] public long Count { get; set; }

    [CsvIgnore] public CaseKey Key => new(Provider, Mount, Op, Workers);
}

/// <summary>One row of <c>knownbugs.csv</c> (runs and soaks both write it): a reproducer's runs and deviations from POSIX.</summary>
[CsvRecord]
public sealed partial class KnownBugRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    /// <summary>idle (nothing else running) or soak (under load).</summary>
    [CsvColumn("condition")] public string Condition { get; set; } = "";
    [CsvColumn("probe")] public string Probe { get; set; } = "";
    [CsvColumn("runs")] public long Runs { get; set; }
    [CsvColumn("deviations")] public long Deviations { get; set; }
    /// <summary>What happened instead of the POSIX result, with counts, "; "-separated.</summary>
    [CsvColumn("outcomes")] public string Outcomes { get; set; } = "";

    /// <summary>The rows of a folder's knownbugs.csv, or none when the folder has no such file (older runs).</summary>
    public static IReadOnlyList<KnownBugRow> ReadIfPresent(string runDir) =>
        RunFormatCsv.ReadIfPresent<KnownBugRow>(new RunFolderLayout(runDir).KnownBugs);

    public static string FormatOutcomes(IEnumerable<KeyValuePair<string, long>> outcomes) =>
        string.Join("; ", outcomes.Select(o => $"{o.Key}: {o.Value}"));
}

/// <summary>
/// One row of <c>restarts.csv</c>: the host restarted a provider's shared guest because its channel died
/// (a mount failure of the kind the runner reports as <c>exit_code=4</c>) before running <see cref="Case"/>.
/// </summary>
[CsvRecord]
public sealed partial class RestartRow
{
    [CsvColumn("utc")] public string Utc { get; set; } = "";
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    /// <summary>The case (provider/mount/op/wN) that ran on the restarted guest.</summary>
    [CsvColumn("case")] public string Case { get; set; } = "";
    [CsvColumn("reason")] public string Reason { get; set; } = "";

    /// <summary>The rows of a run folder's restarts.csv, or none when the run needed no restart (no file).</summary>
    public static IReadOnlyList<RestartRow> ReadIfPresent(string runDir) =>
        RunFormatCsv.ReadIfPresent<RestartRow>(new RunFolderLayout(runDir).Restarts);

    /// <summary>The reason's first non-empty line, at most <paramref name="max"/> characters.</summary>
    public string ShortReason(int max = 160)
    {
        string line = Reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
