using System.Text.Json.Serialization;

namespace FsBench.RunFormat;

/// <summary>A soak's <c>classes.json</c>: the failure taxonomy's counts, rates and bounds, and the recovery times.</summary>
public sealed record SoakClasses
{
    public string Rule { get; set; } = "";
    public double ExposureSeconds { get; set; }
    public double ExposureHours { get; set; }
    public long Ops { get; set; }
    public long FailedOps { get; set; }
    public string? EndReason { get; set; }
    /// <summary>By class name: mount_failure, semantic_deviation, operation_error, stall.</summary>
    public Dictionary<string, SoakClassCount> Classes { get; set; } = [];
    public List<SoakRecovery> Recoveries { get; set; } = [];
    /// <summary>What the soak's own faults provoked, by fault (not in <see cref="Classes"/>); empty in files written before it.</summary>
    public List<SoakFaultAttribution> DuringFaults { get; set; } = [];
    public List<NotAppliedInfo> FaultsNotApplied { get; set; } = [];
}

/// <summary>A class's count, its rate per hour, and for a zero count the 95% upper bound of the rate (3.0 / exposure hours).</summary>
public sealed record SoakClassCount
{
    public long Count { get; set; }
    public double PerHour { get; set; }
    [JsonPropertyName("upper95_per_hour")] public double? Upper95PerHour { get; set; }
    public Dictionary<string, long> Detail { get; set; } = [];
}

/// <summary>The recovery after one fault; <see cref="RecoveryS"/> null: never (see <see cref="Note"/>).</summary>
public sealed record SoakRecovery
{
    public string Fault { get; set; } = "";
    public string Kind { get; set; } = "";
    public double StartS { get; set; }
    public double? EndS { get; set; }
    public double? RecoveryS { get; set; }
    public double? BaselineOpsPerS { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A soak's <c>mix.json</c>: the action mix it used (a copy of bench/soak-mix.json or --mix).</summary>
public sealed record MixFileContent
{
    public string? Description { get; set; }
    public Dictionary<string, int> Weights { get; set; } = [];
}

/// <summary>
/// The failures one of the soak's own faults provoked (<c>during_faults</c> in classes.json): counted here, not in the
/// provider's classes. Incidents (mount failures, stalls) that began inside the fault's window, a lost channel or
/// unanswering root within the grace after it, and the failed actions of windows that overlap the fault.
/// </summary>
public sealed record SoakFaultAttribution
{
    public string Fault { get; set; } = "";
    public long MountFailures { get; set; }
    public long OpsFailedInMountFailures { get; set; }
    public long OperationErrors { get; set; }
    public Dictionary<string, long> Errnos { get; set; } = [];
    public long Stalls { get; set; }
    public long StalledOps { get; set; }
}
