using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analysis.Tests.Synthetic;

/// <summary>
/// A constructed soak folder for the decision's tests (clearly synthetic, deleted on dispose): <see cref="Windows"/>
/// rows <see cref="Step"/> seconds apart, each one second long with 100 actions; stalls, lost channels and failed
/// actions at the windows named; freezes with their recovery; host descriptors growing by <see cref="FdsPerSample"/>.
/// </summary>
public sealed class ConstructedSoak : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "analysis-tests", "csoak-" + Guid.NewGuid().ToString("N"));
    public required string Provider { get; init; }
    public string Mount { get; init; } = "bind";
    public string Host { get; init; } = "synthetic-host";
    public string Faults { get; init; } = "freeze:every=600s,for=30s";
    public int Windows { get; init; } = 600;
    public double Step { get; init; } = 60;
    public IReadOnlySet<int> StallAt { get; init; } = new HashSet<int>();
    public IReadOnlySet<int> ChannelLostAt { get; init; } = new HashSet<int>();
    public IReadOnlySet<int> FailedActionsAt { get; init; } = new HashSet<int>();
    public string Errno { get; init; } = "ENOENT";
    /// <summary>Freezes: the window index each starts at (it lasts 30 s) and whether the windows after it fail.</summary>
    public IReadOnlyList<(int At, bool FailsAfter)> Freezes { get; init; } = [];
    public double FdsPerSample { get; init; }

    public ConstructedSoak Write()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var inv = CultureInfo.InvariantCulture;
        var failAfter = Freezes.Where(f => f.FailsAfter).Select(f => f.At + 1).ToHashSet();
        var series = new StringBuilder("t_s,window,ops,failures,errnos,p50_ms,p99_ms,max_ms,stalls,lag_ms,host_ms,root,classes,faults\n");
        for (int i = 0; i < Windows; i++)
        {
            double t = (i + 1) * Step;
            bool stall = StallAt.Contains(i), lost = ChannelLostAt.Contains(i), failed = FailedActionsAt.Contains(i) || failAfter.Contains(i);
            string windowClasses = lost ? "mount_failure" : failed ? "operation_error" : stall ? "stall" : "";
            series.Append(string.Create(inv, $"{t:0.000},{i},100,{(failed ? 3 : 0)},{(failed ? Errno + ":3" : "")},1,{(stall ? 2500 : 3)},{(stall ? 3000 : 4)},{(stall ? 20 : 0)},0,1000,{(lost ? "CHANNEL" : "OK")},{windowClasses},\n"));
        }
        File.WriteAllText(Path.Combine(Directory, "timeseries.csv"), series.ToString());

        var events = new StringBuilder("t_s,utc,kind,fault,detail\n0.000,2026-01-01T00:00:00Z,soak_start,,\"constructed\"\n");
        var recoveries = new List<object>();
        for (int k = 0; k < Freezes.Count; k++)
        {
            double start = Freezes[k].At * Step + Step - 0.5, end = start + 0.4;
            events.Append(string.Create(inv, $"{start:0.000},2026-01-01T00:00:00Z,fault_start,freeze#{k + 1},\"for 30s\"\n{end:0.000},2026-01-01T00:00:00Z,fault_end,freeze#{k + 1},\"lifted\"\n"));
            recoveries.Add(new { fault = $"freeze#{k + 1}", kind = "freeze", start_s = start, end_s = end, recovery_s = (double?)(Freezes[k].FailsAfter ? 2 * Step : 1.0), baseline_ops_per_s = 100.0, note = "recovered" });
        }
        File.WriteAllText(Path.Combine(Directory, "events.csv"), events.ToString());

        var vmm = new StringBuilder("t_s,utc,role,pid,open_fds,rss_kib,cpu_percent\n");
        for (int i = 0; i < Windows; i++)
            vmm.Append(string.Create(inv, $"{i * Step:0.000},2026-01-01T00:00:00Z,vmm,100,{100 + (int)(FdsPerSample * i)},300000,10.0\n"));
        File.WriteAllText(Path.Combine(Directory, "vmm.csv"), vmm.ToString());

        double seconds = Windows * Step;
        var classes = new
        {
            rule = "constructed", exposure_seconds = seconds, exposure_hours = seconds / 3600, ops = Windows * 100L, failed_ops = 0,
            classes = new Dictionary<string, object>(), recoveries, faults_not_applied = Array.Empty<object>(),
        };
        File.WriteAllText(Path.Combine(Directory, "classes.json"), JsonSerializer.Serialize(classes));
        var manifest = new
        {
            run_id = $"20260101-000000-{Host}-soak-{Provider}", kind = "soak", status = "complete", started_utc = "2026-01-01T00:00:00Z", profile = "soak",
            settings = new { provider = Provider, mount = Mount, workers = 4, duration_s = seconds, loop = "open", rate_per_s = 100, window_ms = 1000, stall_threshold_ms = 1000, faults = Faults },
            host = new { hostname = Host, os = "SyntheticOS 1", cores = 2 },
            providers = new[] { new { name = Provider, available = true, acceleration = "synthetic" } },
        };
        File.WriteAllText(Path.Combine(Directory, "manifest.json"), JsonSerializer.Serialize(manifest));
        return this;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
