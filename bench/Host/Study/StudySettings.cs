using System.Text.Json;
using System.Text.Json.Serialization;

namespace FsBench.Host.Study;

/// <summary>What a run measures and for how long. Chosen by a profile, adjusted by flags, recorded in the manifest.</summary>
public sealed record StudySettings
{
    /// <summary>Operations per probe batch = per BenchmarkDotNet invocation (OperationsPerInvoke).</summary>
    public const int BatchSize = 256;

    public string Profile { get; init; } = "standard";
    [JsonPropertyName("batch_size")]
    public int BatchSizeOps { get; init; } = BatchSize;
    /// <summary>
    /// Launches per case: every case is measured once in each repetition, in a fresh BenchmarkDotNet process and probe
    /// session, with the providers in a seeded random order (<see cref="RepetitionPlan"/>).
    /// </summary>
    public int Repetitions { get; init; } = 1;
    /// <summary>Seeds the providers' order in each repetition; recorded so a run's order can be replayed.</summary>
    public int Seed { get; init; }
    /// <summary>Warmup batches per launch: measured by the probe, kept apart, never in the statistics.</summary>
    public int Warmup { get; init; }
    /// <summary>
    /// Operations in a warmup batch. A warmup batch only has to bring the guest's caches and the probe's code to their
    /// steady state, and its cold cost sits in a few first operations: 64 do that, a full batch of 256 spent a third of
    /// a standard run's benchmark time on operations no statistic uses.
    /// </summary>
    [JsonPropertyName("warmup_batch_size")]
    public int WarmupBatchSizeOps { get; init; } = BatchSize;
    /// <summary>Measured batches per launch.</summary>
    public int Iterations { get; init; }
    public int[] Workers { get; init; } = [1, 4, 16];
    public string[] Mounts { get; init; } = [];
    public string[] Ops { get; init; } = [];
    public string Layout { get; init; } = "private";
    /// <summary>Raw latencies kept per case (a uniform sample) for the statistical tests.</summary>
    public int SampleCap { get; init; } = 1024;
    /// <summary>How many times each known-bug reproducer runs per provider and mount.</summary>
    public int KnownBugRuns { get; init; } = 20;
    /// <summary>Workload traces replayed after the benchmarks (bench/workloads), and their repetitions.</summary>
    public string[] Workloads { get; init; } = [];
    public int WorkloadWarmup { get; init; } = 1;
    public int WorkloadRuns { get; init; } = 5;
    public string TracesDir { get; init; } = "";
    /// <summary>The cross-side coherence scenario after the known bugs (bench/Host/Coherence): trials per kind (0: not run), poll limit.</summary>
    public int CoherenceTrials { get; init; }
    public int CoherenceLimitMs { get; init; } = Coherence.CoherencePass.DefaultLimitMs;
    /// <summary>
    /// Boot each provider that declares it (<see cref="Providers.IProvider.BootsFreshGuest"/>) anew for every repetition,
    /// so the intervals include boot-to-boot variation (off: one boot per run).
    /// </summary>
    public bool FreshGuest { get; init; }
    public double BatchTimeoutSeconds { get; init; } = 60;
    public string[] Providers { get; init; } = [];
    public string ScratchDir { get; init; } = "";
    public string ProbePath { get; init; } = "";

    public static readonly string[] ProfileNames = ["smoke", "standard", "thorough"];

    /// <summary>The warmup batch of the standard and thorough profiles (smoke keeps a full one: its A/A agreement with 64 was 94.4%, with 256 97.2%).</summary>
    public const int ShortWarmup = 64;

    /// <summary>Operations in the next batch of a launch: a warmup batch's own size, or a measured batch's.</summary>
    public int OpsInBatch(bool warmup) => warmup ? WarmupBatchSizeOps : BatchSizeOps;

    public static StudySettings ForProfile(string profile) => profile switch
    {
        // Smoke: one worker count (concurrency on), so CI's smoke run with its build stays near 10 minutes on 2 cores
        // (a launch costs about 1.4 s here, mostly BenchmarkDotNet's process; 3 worker counts took 18 minutes), spent on
        // 5 launches: with 3, t(2) = 4.3 let one odd launch turn "slower" into "no difference shown" (A/A agreement 92%).
        "smoke" => new() { Profile = profile, Repetitions = 5, Warmup = 1, Iterations = 1, Workers = [4], KnownBugRuns = 5, WorkloadRuns = 2, CoherenceTrials = 5 },
        // Standard: the memo's run on four providers, aimed at 40 minutes on 2 cores under emulation. Three launches (the unit
        // of its intervals) of 1 warmup batch of 64 operations + 1 measured batch of 256, at 1 and 16 workers (the concurrency
        // contrast; 4 is smoke's). A launch's time is mostly the guest's untimed preparation and clean-up of each batch's files
        // (2026-12-07, 80 launches logged by LaunchClock: 62% of it on the root disk, 60% on tmpfs; the timed loops 22-24%), so
        // a second measured batch cost a third of the benchmarks: with it the run took 53 minutes on 2026-12-07 (benchmarks
        // 33.6, workloads about 17). The intervals are over launches, which a second batch did not add (README, issue 11).
        "standard" => new() { Profile = profile, Repetitions = 3, Warmup = 1, WarmupBatchSizeOps = ShortWarmup, Iterations = 1, Workers = [1, 16], KnownBugRuns = 10, WorkloadRuns = 2, CoherenceTrials = 20 },
        "thorough" => new() { Profile = profile, Repetitions = 5, Warmup = 2, WarmupBatchSizeOps = ShortWarmup, Iterations = 12, KnownBugRuns = 500, WorkloadRuns = 10, CoherenceTrials = 100 },
        _ => throw new StudyException($"unknown profile '{profile}' (smoke|standard|thorough)"),
    };

    /// <summary>The manifest's settings section.</summary>
    public BenchSettings ToManifest() => new()
    {
        Profile = Profile, BatchSize = BatchSizeOps, WarmupBatchSize = WarmupBatchSizeOps, Repetitions = Repetitions, Seed = Seed, Warmup = Warmup, Iterations = Iterations, Workers = [.. Workers],
        Mounts = [.. Mounts], Ops = [.. Ops], Layout = Layout, SampleCap = SampleCap, KnownBugRuns = KnownBugRuns,
        BatchTimeoutSeconds = BatchTimeoutSeconds, Providers = [.. Providers], ScratchDir = ScratchDir, ScratchFs = ScratchPlace.FilesystemOf(ScratchDir)?.ToString(), ProbePath = ProbePath,
        Workloads = [.. Workloads], WorkloadWarmup = WorkloadWarmup, WorkloadRuns = WorkloadRuns, TracesDir = TracesDir,
        CoherenceTrials = CoherenceTrials, CoherenceLimitMs = CoherenceLimitMs, FreshGuest = FreshGuest,
    };

    /// <summary>state/settings.json, the host's own copy for the cases.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>A problem with the user's request or the machine, reported as one line and a non-zero exit.</summary>
public sealed class StudyException(string message) : Exception(message);
