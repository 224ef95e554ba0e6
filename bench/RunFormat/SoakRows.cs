using CsvHelper;

namespace FsBench.RunFormat;

/// <summary>One row of a soak's <c>timeseries.csv</c>: one window of about a second.</summary>
[CsvRecord]
public sealed partial class TimeSeriesRow
{
    /// <summary>Seconds from the start of the load to the end of the window (host monotonic clock).</summary>
    [CsvColumn("t_s")] public double TS { get; set; }
    [CsvColumn("window")] public int Window { get; set; }
    [CsvColumn("ops")] public long Ops { get; set; }
    [CsvColumn("failures")] public long Failures { get; set; }
    /// <summary>Failed actions by errno, NAME:count separated by spaces.</summary>
    [CsvColumn("errnos")] public string Errnos { get; set; } = "";
    [CsvColumn("p50_ms")] public double P50Ms { get; set; }
    [CsvColumn("p99_ms")] public double P99Ms { get; set; }
    [CsvColumn("max_ms")] public double MaxMs { get; set; }
    [CsvColumn("stalls")] public long Stalls { get; set; }
    [CsvColumn("lag_ms")] public double LagMs { get; set; }
    /// <summary>How long the host waited for the window's answer.</summary>
    [CsvColumn("host_ms")] public double HostMs { get; set; }
    /// <summary>OK, the errno of statx on the probe's root after the window, or CHANNEL.</summary>
    [CsvColumn("root")] public string Root { get; set; } = "";
    /// <summary>The failure classes seen in the window, space separated.</summary>
    [CsvColumn("classes")] public string Classes { get; set; } = "";
    [CsvColumn("faults")] public string Faults { get; set; } = "";

    public bool Has(string failureClass) => Classes.Split(' ').Contains(failureClass);
    [CsvIgnore] public double StartS => TS - HostMs / 1000;

    /// <summary><see cref="Errnos"/> read back: "ENOENT:2 EIO:1" → (ENOENT, 2), (EIO, 1).</summary>
    public IEnumerable<(string Errno, long Count)> ErrnoCounts()
    {
        foreach (string part in Errnos.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = part.LastIndexOf(':');
            if (colon > 0 && long.TryParse(part[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out long n))
                yield return (part[..colon], n);
        }
    }

    /// <summary><see cref="Errnos"/> as written: the counts above zero, NAME:count by name, space separated.</summary>
    public static string ErrnosText(IEnumerable<KeyValuePair<string, long>> errnos) =>
        string.Join(' ', errnos.Where(e => e.Value > 0).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value}"));
}

/// <summary>One row of a soak's <c>events.csv</c>: what happened when.</summary>
[CsvRecord]
public sealed partial class SoakEventRow
{
    [CsvColumn("t_s")] public double TS { get; set; }
    [CsvColumn("utc")] public string Utc { get; set; } = "";
    /// <summary>soak_prepared, soak_start, fault_start, fault_end, fault_not_applied, fault_error, mount_failure, session_restart, knownbugs, soak_restored, soak_end.</summary>
    [CsvColumn("kind")] public string Kind { get; set; } = "";
    [CsvColumn("fault")] public string Fault { get; set; } = "";
    [CsvColumn("detail")] public string Detail { get; set; } = "";
}

/// <summary>One row of a soak's <c>vmm.csv</c>: one host process of the provider, sampled once.</summary>
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
