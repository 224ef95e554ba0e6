using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analysis.Tests.Synthetic;

/// <summary>
/// Writes a clearly synthetic soak folder (what `fsbench soak` writes) into a temporary directory: 100 ops per
/// one-second window, a pause at 10 s (stalled windows after it), a kill at 30 s ending in a lost channel,
/// host processes whose descriptors grow. Deleted on dispose.
/// </summary>
public sealed class SyntheticSoak : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analysis-tests", "soak-" + Guid.NewGuid().ToString("N"));
    public string Status { get; init; } = "partial";
    public bool WithFaults { get; init; } = true;

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>The text of a file in the folder (one the test or the report wrote).</summary>
    public string Text(string relative) => File.ReadAllText(PathOf(relative));

    public SyntheticSoak Write()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var inv = CultureInfo.InvariantCulture;
        var series = new StringBuilder("t_s,window,ops,failures,errnos,p50_ms,p99_ms,max_ms,stalls,lag_ms,host_ms,root,classes,faults\n");
        int last = WithFaults ? 30 : 40;
        for (int t = 1; t <= last; t++)
        {
            bool stalled = WithFaults && t is 14 or 15;
            bool failed = t == 20;
            series.Append(string.Create(inv, $"{t}.000,{t - 1},100,{(failed ? 2 : 0)},{(failed ? "ENOENT:2" : "")},0.5,{(stalled ? 2500 : 3)},{(stalled ? 3100 : 4)},{(stalled ? 40 : 0)},0,{(t == 14 ? 4000 : 1000)},OK,{(stalled ? "stall" : failed ? "operation_error" : "")},{(t == 14 ? "pause#1" : "")}\n"));
        }
        if (WithFaults) series.Append("61.000,30,0,0,,0,0,0,0,0,30000,CHANNEL,mount_failure,kill#1\n");
        File.WriteAllText(PathOf("timeseries.csv"), series.ToString());

        var events = new StringBuilder("t_s,utc,kind,fault,detail\n0.000,2026-01-01T00:00:00Z,soak_start,,\"synthetic\"\n");
        if (WithFaults)
            events.Append("10.000,2026-01-01T00:00:10Z,fault_start,pause#1,\"for 3s\"\n13.000,2026-01-01T00:00:13Z,fault_end,pause#1,\"lifted after 3.0 s\"\n" +
                          "31.000,2026-01-01T00:00:31Z,fault_start,kill#1,\"instantaneous\"\n61.000,2026-01-01T00:01:01Z,mount_failure,,\"probe did not answer\"\n");
        else events.Append("0.001,2026-01-01T00:00:00Z,fault_not_applied,pause,\"local has no fault injector\"\n");
        File.WriteAllText(PathOf("events.csv"), events.ToString());

        var vmm = new StringBuilder("t_s,utc,role,pid,open_fds,rss_kib,cpu_percent\n");
        for (int t = 0; t < last; t++)
            vmm.Append(string.Create(inv, $"{t}.000,2026-01-01T00:00:00Z,qemu,100,{90 + t},300000,12.0\n{t}.000,2026-01-01T00:00:00Z,virtiofsd,101,{30 + 5 * t},9000,3.0\n"));
        File.WriteAllText(PathOf("vmm.csv"), vmm.ToString());

        File.WriteAllText(PathOf("knownbugs.csv"), "provider,mount,condition,probe,runs,deviations,outcomes\n" +
            "qemu-virtiofs,bind,idle,mkdir_mode0,3,0,\"\"\nqemu-virtiofs,bind,soak,mkdir_mode0,6,2,\"EACCES, created anyway: 2\"\n");

        var recoveries = WithFaults
            ? new object[]
            {
                new { fault = "pause#1", kind = "pause", start_s = 10.0, end_s = 13.0, recovery_s = (double?)3.0, baseline_ops_per_s = 100.0, note = "3.0 s" },
                new { fault = "kill#1", kind = "kill", start_s = 31.0, end_s = 31.0, recovery_s = (double?)null, baseline_ops_per_s = 100.0, note = "never" },
            }
            : [];
        object Count(long n, object detail) => new { count = n, per_hour = n * 60.0, upper95_per_hour = n == 0 ? (double?)180.0 : null, detail };
        var classes = new
        {
            rule = "1. mount_failure: ... (synthetic)",
            exposure_seconds = 60.0, exposure_hours = 1 / 60.0, ops = 3000, failed_ops = 2, end_reason = WithFaults ? "mount_failure: synthetic" : null,
            classes = new Dictionary<string, object>
            {
                ["mount_failure"] = Count(WithFaults ? 1 : 0, new { ops_failed_during = 0 }),
                ["semantic_deviation"] = Count(2, new { reproducer_runs_under_load = 6 }),
                ["operation_error"] = Count(2, new { ENOENT = 2 }),
                ["stall"] = Count(WithFaults ? 1 : 0, new { stalled_ops = 80 }),
            },
            recoveries,
            faults_not_applied = WithFaults ? Array.Empty<object>() : [new { fault = "pause", reason = "local has no fault injector" }],
        };
        File.WriteAllText(PathOf("classes.json"), JsonSerializer.Serialize(classes));
        var manifest = new
        {
            run_id = "20260101-000000-synthetic-soak", kind = "soak", status = Status, end_reason = WithFaults ? "mount_failure: synthetic" : null,
            started_utc = "2026-01-01T00:00:00Z", ended_utc = "2026-01-01T00:01:05Z", profile = "soak", elapsed_s = 61.0,
            settings = new
            {
                provider = "qemu-virtiofs", mount = "bind", workers = 2, duration_s = 60, loop = "open", rate_per_s = 100, window_ms = 1000,
                stall_threshold_ms = 1000, faults = WithFaults ? "pause:at=10s,for=3s;kill:at=31s" : "pause:every=5s,for=1s",
                knownbug_every_s = 30, knownbug_runs = 3, hang_timeout_s = 30, mix = new { stat = 30, create_write = 15 },
            },
            host = new { hostname = "synthetic-host", os = "SyntheticOS 1", kernel = "6.0.0-synthetic", cores = 2 },
            virtualization = new { host_is_vm = true, hardware_virt = false },
            providers = new[] { new { name = "qemu-virtiofs", available = true, acceleration = "tcg", versions = new { qemu = "7.2" }, settings = new { } } },
            faults_not_applied = WithFaults ? Array.Empty<object>() : [new { fault = "pause", reason = "local has no fault injector" }],
        };
        File.WriteAllText(PathOf("manifest.json"), JsonSerializer.Serialize(manifest));
        File.WriteAllText(PathOf("mix.json"), "{\"weights\":{\"stat\":30,\"create_write\":15}}");
        return this;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
