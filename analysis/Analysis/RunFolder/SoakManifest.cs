using System.Text.Json;

namespace Analysis.RunFolder;

/// <summary>A soak's <c>manifest.json</c> (results/README.md, "Soak run folders").</summary>
public sealed record SoakManifest
{
    public string RunId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public string? EndReason { get; init; }
    public DateTimeOffset? StartedUtc { get; init; }
    public DateTimeOffset? EndedUtc { get; init; }
    public double? ElapsedS { get; init; }
    public SoakSettingsInfo Settings { get; init; } = new();
    public HostInfo Host { get; init; } = new();
    public VirtualizationInfo Virtualization { get; init; } = new();
    public List<ProviderInfo> Providers { get; init; } = [];
    public List<NotAppliedInfo> FaultsNotApplied { get; init; } = [];
    public Dictionary<string, JsonElement> Tools { get; init; } = [];
    public GitInfo? Git { get; init; }

    public bool IsComplete => Status == "complete";
}

public sealed record SoakSettingsInfo
{
    public string Provider { get; init; } = "";
    public string Mount { get; init; } = "";
    public int Workers { get; init; }
    public double DurationS { get; init; }
    public string Loop { get; init; } = "";
    public double? RatePerS { get; init; }
    public double WindowMs { get; init; }
    public double StallThresholdMs { get; init; }
    public string Faults { get; init; } = "";
    public double KnownbugEveryS { get; init; }
    public int KnownbugRuns { get; init; }
    public double HangTimeoutS { get; init; }
    public Dictionary<string, int> Mix { get; init; } = [];
}

public sealed record NotAppliedInfo
{
    public string Fault { get; init; } = "";
    public string Reason { get; init; } = "";
}

/// <summary>A soak's <c>classes.json</c>: the taxonomy counts, rates and bounds, and the recovery times.</summary>
public sealed record SoakClasses
{
    public string Rule { get; init; } = "";
    public double ExposureSeconds { get; init; }
    public double ExposureHours { get; init; }
    public long Ops { get; init; }
    public long FailedOps { get; init; }
    public string? EndReason { get; init; }
    public Dictionary<string, SoakClassCount> Classes { get; init; } = [];
    public List<SoakRecovery> Recoveries { get; init; } = [];
    public List<NotAppliedInfo> FaultsNotApplied { get; init; } = [];
}

public sealed record SoakClassCount
{
    public long Count { get; init; }
    public double PerHour { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("upper95_per_hour")]
    public double? Upper95PerHour { get; init; }
    public Dictionary<string, long> Detail { get; init; } = [];
}

public sealed record SoakRecovery
{
    public string Fault { get; init; } = "";
    public string Kind { get; init; } = "";
    public double StartS { get; init; }
    public double? EndS { get; init; }
    public double? RecoveryS { get; init; }
    public double? BaselineOpsPerS { get; init; }
    public string Note { get; init; } = "";
}
