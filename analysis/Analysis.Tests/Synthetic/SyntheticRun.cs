using FsBench.Protocol;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Analysis.RunFolder;
using HdrHistogram;

namespace Analysis.Tests.Synthetic;

/// <summary>
/// Writes a clearly synthetic run folder (results/README.md format) into a temporary directory: lognormal
/// latencies recorded into real HdrHistograms, binomial failures. Deleted on dispose; never committed.
/// </summary>
public sealed class SyntheticRun : IDisposable
{
    public string Directory { get; }

    public string Hostname { get; init; } = "synthetic-host";
    public string Status { get; init; } = "complete";
    public string RunId { get; init; } = "20260101-000000-synthetic-host-smoke";
    public bool HostIsVm { get; init; } = true;
    public IReadOnlyList<SyntheticProvider> Providers { get; init; } = [new("local", "native", 20_000), new("qemu-virtiofs", "tcg", 400_000)];
    public IReadOnlyList<string> Ops { get; init; } = ["mkdir", "stat"];
    public IReadOnlyList<string> Mounts { get; init; } = ["bind"];
    public IReadOnlyList<int> Workers { get; init; } = [1, 4];
    public int OpsPerCase { get; init; } = 3000;
    public int MaxSamples { get; init; } = 1000;
    public int Seed { get; init; } = 42;
    /// <summary>Launches per case (0: the older format without launches, one merged sample).</summary>
    public int Launches { get; init; }
    /// <summary>Launch-to-launch effect: each launch of each case scales its latencies by exp(N(0, LaunchSigma)).</summary>
    public double LaunchSigma { get; init; } = 0.05;
    /// <summary>Per provider, a factor on all its latencies (a deliberate slowdown).</summary>
    public Dictionary<string, double> Slowdown { get; init; } = [];
    /// <summary>Warmup batches per launch: written apart (warmup_* fields) with these failures each, as the host does.</summary>
    public long WarmupFailuresPerLaunch { get; init; }

    public SyntheticRun(string? directory = null)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "analysis-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>The text of a file in the folder (one the test or the report wrote).</summary>
    public string Text(string relative) => File.ReadAllText(PathOf(relative));

    public SyntheticRun Write()
    {
        var random = new Random(Seed);
        System.IO.Directory.CreateDirectory(PathOf("probe"));
        var summary = new StringBuilder("provider,mount,op,workers,ops,failures,p50_ns,p99_ns,ops_per_s,p999_ns,mean_ns,layout\n");
        var failures = new StringBuilder("provider,mount,op,workers,errno,count\n");
        foreach (var p in Providers)
        foreach (string mount in Mounts)
        foreach (string op in Ops)
        foreach (int w in Workers)
        {
            var h = new LongHistogram(1_000_000_000_000L, 3);
            var samples = new List<long>();
            long failed = 0;
            double opFactor = 1 + 0.25 * Ops.ToList().IndexOf(op), contention = 1 + 0.15 * (w - 1);
            double slowdown = Slowdown.GetValueOrDefault(p.Name, 1.0);
            int launches = Math.Max(1, Launches);
            var launchRecords = new List<object>();
            for (int l = 0; l < launches; l++)
            {
                var lh = new LongHistogram(1_000_000_000_000L, 3);
                double launchEffect = Launches > 0 ? Math.Exp(LaunchSigma * Normal(random)) : 1;
                long launchFailed = 0;
                for (int i = 0; i < OpsPerCase / launches; i++)
                {
                    if (random.NextDouble() < p.FailureRate) { failed++; launchFailed++; continue; }
                    long ns = (long)(p.MedianNs * slowdown * launchEffect * opFactor * contention * Math.Exp(0.35 * Normal(random)));
                    h.RecordValue(ns);
                    lh.RecordValue(ns);
                    if (samples.Count < MaxSamples) samples.Add(ns);
                }
                launchRecords.Add(new
                {
                    repetition = l, ops = OpsPerCase / launches, failures = launchFailed, histogram = HistogramCodec.Encode(lh),
                    batches = new[] { new { index = 0, warmup = true, ops = 256, failures = WarmupFailuresPerLaunch } },
                });
            }
            bool any = h.TotalCount > 0;
            double wallNs = any ? h.GetMean() * h.TotalCount / w : 1e6;
            double opsPerS = OpsPerCase / (wallNs / 1e9);
            string Latency(Func<double> value) => any ? value().ToString("0.0", CultureInfo.InvariantCulture) : "";
            summary.Append(string.Create(CultureInfo.InvariantCulture,
                $"{p.Name},{mount},{op},{w},{OpsPerCase},{failed},{Latency(() => h.GetValueAtPercentile(50))},{Latency(() => h.GetValueAtPercentile(99))},{opsPerS:0.0},{Latency(() => h.GetValueAtPercentile(99.9))},{Latency(h.GetMean)},private\n"));
            if (failed > 0) failures.Append($"{p.Name},{mount},{op},{w},{p.Errno},{failed}\n");
            var probe = new
            {
                provider = p.Name, mount, op, workers = w, layout = "private", ops = OpsPerCase, failures = failed,
                wall_ns = (long)wallNs, batches = 12,
                errnos = failed > 0 ? new Dictionary<string, long> { [p.Errno] = failed } : [],
                first_failures = Array.Empty<object>(),
                histogram = HistogramCodec.Encode(h),
                samples_ns = samples,
                warmup_batches = Launches,
                warmup_ops = 256L * Launches,
                warmup_failures = WarmupFailuresPerLaunch * Launches,
                warmup_errnos = WarmupFailuresPerLaunch > 0 ? new Dictionary<string, long> { ["EIO"] = WarmupFailuresPerLaunch * Launches } : [],
                launches = Launches > 0 ? launchRecords : [],
            };
            File.WriteAllText(PathOf($"probe/{p.Name}.{mount}.{op}.w{w}.json"), JsonSerializer.Serialize(probe));
        }
        File.WriteAllText(PathOf("summary.csv"), summary.ToString());
        File.WriteAllText(PathOf("failures.csv"), failures.ToString());
        File.WriteAllText(PathOf("manifest.json"), JsonSerializer.Serialize(Manifest(), new JsonSerializerOptions { WriteIndented = true }));
        return this;
    }

    private object Manifest() => new
    {
        run_id = RunId,
        status = Status,
        started_utc = "2026-01-01T00:00:00Z",
        ended_utc = Status == "complete" ? "2026-01-01T00:10:00Z" : null,
        profile = "smoke",
        settings = new { batch_size = 256, warmup = 1, iterations = 5, workers = Workers, mounts = Mounts, ops = Ops, layout = "private" },
        host = new { hostname = Hostname, os = "SyntheticOS 1", kernel = "6.0.0-synthetic", arch = "x86_64", cpu = "Synthetic CPU", cores = 2, memory_bytes = 8_000_000_000L },
        virtualization = new { host_is_vm = HostIsVm, hardware_virt = false, notes = "synthetic test data" },
        providers = Providers.Select(p => new { name = p.Name, available = true, reason = (string?)null, acceleration = p.Acceleration, versions = new { synthetic = "1.0" }, settings = p.Settings }),
        tools = new { dotnet = "10.0.0" },
        git = new { commit = "0000000", dirty = false },
    };

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
