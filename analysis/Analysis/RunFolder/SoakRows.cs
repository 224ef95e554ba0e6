using CsvHelper;

namespace Analysis.RunFolder;

/// <summary>One row of a soak's <c>timeseries.csv</c>: one window of about a second.</summary>
[CsvRecord]
public sealed partial class TimeSeriesRow
{
    [CsvColumn("t_s")] public double TS { get; set; }
    [CsvColumn("window")] public int Window { get; set; }
    [CsvColumn("ops")] public long Ops { get; set; }
    [CsvColumn("failures")] public long Failures { get; set; }
    [CsvColumn("errnos")] public string Errnos { get; set; } = "";
    [CsvColumn("p50_ms")] public double P50Ms { get; set; }
    [CsvColumn("p99_ms")] public double P99Ms { get; set; }
    [CsvColumn("max_ms")] public double MaxMs { get; set; }
    [CsvColumn("stalls")] public long Stalls { get; set; }
    [CsvColumn("lag_ms")] public double LagMs { get; set; }
    [CsvColumn("host_ms")] public double HostMs { get; set; }
    [CsvColumn("root")] public string Root { get; set; } = "";
    [CsvColumn("classes")] public string Classes { get; set; } = "";
    [CsvColumn("faults")] public string Faults { get; set; } = "";

    public bool Has(string failureClass) => Classes.Split(' ').Contains(failureClass);
    public double StartS => TS - HostMs / 1000;
}

/// <summary>One row of a soak's <c>events.csv</c>.</summary>
[CsvRecord]
public sealed partial class SoakEventRow
{
    [CsvColumn("t_s")] public double TS { get; set; }
    [CsvColumn("utc")] public string Utc { get; set; } = "";
    [CsvColumn("kind")] public string Kind { get; set; } = "";
    [CsvColumn("fault")] public string Fault { get; set; } = "";
    [CsvColumn("detail")] public string Detail { get; set; } = "";
}

/// <summary>One row of a soak's <c>vmm.csv</c>: one host process sampled once.</summary>
[CsvRecord]
public sealed partial class VmmRow
{
    [CsvColumn("t_s")] public double TS { get; set; }
    [CsvColumn("utc")] public string Utc { get; set; } = "";
    [CsvColumn("role")] public string Role { get; set; } = "";
    [CsvColumn("pid")] public int Pid { get; set; }
    [CsvColumn("open_fds")] public int OpenFds { get; set; }
    [CsvColumn("rss_kib")] public long RssKiB { get; set; }
    [CsvColumn("cpu_percent")] public double CpuPercent { get; set; }
}

/// <summary>One row of <c>knownbugs.csv</c> (runs and soaks both write it).</summary>
[CsvRecord]
public sealed partial class KnownBugRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    [CsvColumn("condition")] public string Condition { get; set; } = "";
    [CsvColumn("probe")] public string Probe { get; set; } = "";
    [CsvColumn("runs")] public long Runs { get; set; }
    [CsvColumn("deviations")] public long Deviations { get; set; }
    [CsvColumn("outcomes")] public string Outcomes { get; set; } = "";

    /// <summary>The rows of a folder's knownbugs.csv, or none when the folder has no such file (older runs).</summary>
    public static IReadOnlyList<KnownBugRow> ReadIfPresent(string directory)
    {
        string path = Path.Combine(directory, "knownbugs.csv");
        return File.Exists(path) ? CsvFile.Read<KnownBugRow>(path).ToList() : [];
    }
}
