using System.Text.Json;
using System.Text.Json.Serialization;

namespace FsBench.RunFormat;

/// <summary>What kind of run wrote a folder: <c>kind</c> in manifest.json.</summary>
public static class RunKinds
{
    /// <summary>A benchmark run (<c>./run-bench.sh</c>). Format version 1 manifests of benchmark runs have no <c>kind</c>.</summary>
    public const string Bench = "bench";
    public const string Soak = "soak";
    /// <summary>A `fault` command's folder (<see cref="FaultRunManifest"/>).</summary>
    public const string Fault = "fault";
}

/// <summary>The manifest's format version: 1 = no <c>format_version</c> field (runs before the RunFormat project).</summary>
public static class ManifestFormat
{
    public const int Current = 2;
    public const int First = 1;
}

/// <summary>The part of manifest.json every kind of run shares and a reader looks at first: which kind, which version.</summary>
public sealed record ManifestHead
{
    public int? FormatVersion { get; set; }
    public string? Kind { get; set; }
    public string RunId { get; set; } = "";
    public string Status { get; set; } = "";

    public int Version => FormatVersion ?? ManifestFormat.First;
    /// <summary>The kind, with version 1's default: a manifest without <c>kind</c> is a benchmark run's.</summary>
    public string KindOrDefault => string.IsNullOrEmpty(Kind) ? RunKinds.Bench : Kind;
}

/// <summary>What the manifest.json of every kind of folder holds: its format and kind, which run, its status, when, and on what.</summary>
public abstract record ManifestCommon
{
    public int? FormatVersion { get; set; } = ManifestFormat.Current;
    public abstract string Kind { get; set; }
    public string RunId { get; set; } = "";
    /// <summary>running | complete | partial</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset? StartedUtc { get; set; }
    public DateTimeOffset? EndedUtc { get; set; }
    public HostInfo Host { get; set; } = new();
    public GitInfo? Git { get; set; }

    [JsonIgnore] public bool IsComplete => Status == RunStatus.Complete;
}

/// <summary>
/// manifest.json of a run (bench or soak): where, when, on what and with which settings it ran. Typed sections; keys that
/// providers or other code add land in <see cref="Extra"/> (and providers' own in <see cref="ProviderEntry"/>'s dictionaries).
/// </summary>
public abstract record RunManifest : ManifestCommon
{
    public string Profile { get; set; } = "";
    public VirtualizationInfo Virtualization { get; set; } = new();
    public List<ProviderEntry> Providers { get; set; } = [];
    public Dictionary<string, JsonElement> Tools { get; set; } = [];
    public string? LoadavgAtEnd { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public static class RunStatus
{
    public const string Running = "running", Complete = "complete", Partial = "partial";
}

/// <summary>A benchmark run's manifest.</summary>
public sealed record BenchManifest : RunManifest
{
    public override string Kind { get; set; } = RunKinds.Bench;
    public BenchSettings Settings { get; set; } = new();
    /// <summary>The launch order of every repetition (absent in runs before repetitions).</summary>
    public List<RepetitionInfo> Repetitions { get; set; } = [];
    /// <summary>The workload traces replayed (by name: file, bytes, sha256, recorded), absent when none were.</summary>
    public Dictionary<string, JsonElement>? WorkloadTraces { get; set; }
    public int? CasesExpected { get; set; }
    public int? CasesFinished { get; set; }
}

/// <summary>One repetition: the providers' order and its segments (an exclusive provider runs alone in its own).</summary>
public sealed record RepetitionInfo
{
    public int Index { get; set; }
    public List<string> Order { get; set; } = [];
    public List<RepetitionSegmentInfo> Segments { get; set; } = [];
}

public sealed record RepetitionSegmentInfo
{
    public List<string> Providers { get; set; } = [];
    public bool Exclusive { get; set; }
}

/// <summary>What a benchmark run measured and for how long.</summary>
public sealed record BenchSettings
{
    public string? Profile { get; set; }
    public int? BatchSize { get; set; }
    /// <summary>Launches per case (absent = 1).</summary>
    public int? Repetitions { get; set; }
    /// <summary>Seed of the repetitions' provider order.</summary>
    public int? Seed { get; set; }
    public int? Warmup { get; set; }
    /// <summary>Operations in a warmup batch (absent: <see cref="BatchSize"/>, as before 2026-12-07).</summary>
    public int? WarmupBatchSize { get; set; }
    public int? Iterations { get; set; }
    public List<int> Workers { get; set; } = [];
    public List<string> Mounts { get; set; } = [];
    public List<string> Ops { get; set; } = [];
    public string? Layout { get; set; }
    public int? SampleCap { get; set; }
    public int? KnownBugRuns { get; set; }
    public double? BatchTimeoutSeconds { get; set; }
    public List<string> Providers { get; set; } = [];
    public string? ScratchDir { get; set; }
    /// <summary>The filesystem holding the scratch, from /proc/mounts: "tmpfs on /dev/shm (rw,...)" (absent before 2026-12-07: the root disk).</summary>
    public string? ScratchFs { get; set; }
    public string? ProbePath { get; set; }
    /// <summary>Workload traces replayed after the benchmarks, and their warmup and measured repetitions.</summary>
    public List<string> Workloads { get; set; } = [];
    public int? WorkloadWarmup { get; set; }
    public int? WorkloadRuns { get; set; }
    public string? TracesDir { get; set; }
    /// <summary>The cross-side coherence scenario (coherence.csv): trials per kind of change (0 or absent: not run), and the poll limit.</summary>
    public int? CoherenceTrials { get; set; }
    public int? CoherenceLimitMs { get; set; }
    /// <summary>--fresh-guest: every guest that declares it was booted anew for each repetition (absent: one boot per run).</summary>
    public bool? FreshGuest { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A soak's manifest.</summary>
public sealed record SoakManifest : RunManifest
{
    public override string Kind { get; set; } = RunKinds.Soak;
    /// <summary>null, or mount_failure: ..., interrupted, error: ...</summary>
    public string? EndReason { get; set; }
    /// <summary>The exposure: seconds from the start of the load to the end of its last window.</summary>
    public double? ElapsedS { get; set; }
    public int? Windows { get; set; }
    public SoakSettingsInfo Settings { get; set; } = new();
    public List<PlannedFault> FaultsPlanned { get; set; } = [];
    /// <summary>Every fault window the soak applied (absent in soaks before fault windows were recorded).</summary>
    public List<FaultWindowInfo> FaultsApplied { get; set; } = [];
    public List<NotAppliedInfo> FaultsNotApplied { get; set; } = [];
}

public sealed record SoakSettingsInfo
{
    public string Provider { get; set; } = "";
    public string Mount { get; set; } = "";
    public int Workers { get; set; }
    public double DurationS { get; set; }
    /// <summary>open | closed</summary>
    public string Loop { get; set; } = "";
    public double? RatePerS { get; set; }
    public double WindowMs { get; set; }
    public double StallThresholdMs { get; set; }
    public string Faults { get; set; } = "";
    public double KnownbugEveryS { get; set; }
    public int KnownbugRuns { get; set; }
    public double HangTimeoutS { get; set; }
    public int Restarts { get; set; }
    public string MixFile { get; set; } = "";
    public Dictionary<string, int> Mix { get; set; } = [];
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record PlannedFault
{
    public string Fault { get; set; } = "";
    public double StartS { get; set; }
    public double? ForS { get; set; }
}

/// <summary>A fault window a soak applied: its label, kind, and when it started and ended (run seconds and UTC).</summary>
public sealed record FaultWindowInfo
{
    public string Fault { get; set; } = "";
    public string Kind { get; set; } = "";
    public double StartS { get; set; }
    public double? EndS { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime? EndUtc { get; set; }
}

/// <summary>A requested fault the provider could not apply, and why.</summary>
public sealed record NotAppliedInfo
{
    public string Fault { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed record HostInfo
{
    public string Hostname { get; set; } = "";
    public string? Os { get; set; }
    public string? Kernel { get; set; }
    public string? Arch { get; set; }
    public string? Cpu { get; set; }
    public int? Cores { get; set; }
    public long? MemoryBytes { get; set; }
    /// <summary>/proc/loadavg's 1, 5 and 15 minute averages when the run started.</summary>
    public string? LoadavgAtStart { get; set; }
}

public sealed record VirtualizationInfo
{
    public bool? HostIsVm { get; set; }
    public bool? HardwareVirt { get; set; }
    public bool? DevKvm { get; set; }
    public string? Notes { get; set; }
}

/// <summary>One provider of the run: whether it ran (or why not), and what it says about itself (open-ended).</summary>
public sealed record ProviderEntry
{
    public string Name { get; set; } = "";
    public List<string> Mounts { get; set; } = [];
    public bool Available { get; set; }
    public string? Reason { get; set; }
    /// <summary>native | container | kvm | tcg | hvf</summary>
    public string? Acceleration { get; set; }
    /// <summary>Started and stopped around its own cases in each repetition (runs alone).</summary>
    public bool? ExclusiveActive { get; set; }
    public Dictionary<string, JsonElement> Versions { get; set; } = [];
    public Dictionary<string, JsonElement> Settings { get; set; } = [];
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The manifest's open-ended dictionaries (tools, provider versions and settings): any JSON value by name.</summary>
public static class ManifestValues
{
    /// <summary>String values as the open dictionaries hold them.</summary>
    public static Dictionary<string, JsonElement> Of(IEnumerable<KeyValuePair<string, string>> values) =>
        values.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value, RunFormatJsonContext.Default.String));
}

public sealed record GitInfo
{
    public string? Commit { get; set; }
    public bool? Dirty { get; set; }
}
