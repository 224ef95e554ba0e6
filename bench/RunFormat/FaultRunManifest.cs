using System.Text.Json.Serialization;

namespace FsBench.RunFormat;

/// <summary>
/// manifest.json of a `fault` command's folder (kind <c>fault</c>): one fault injected from another terminal into a
/// provider (and, when named, the run it targets), with the window it applied. The folder also holds events.csv.
/// </summary>
public sealed record FaultRunManifest
{
    public int? FormatVersion { get; set; } = ManifestFormat.Current;
    public string Kind { get; set; } = RunKinds.Fault;
    public string RunId { get; set; } = "";
    /// <summary>running | complete | partial</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset? StartedUtc { get; set; }
    public DateTimeOffset? EndedUtc { get; set; }
    public string Provider { get; set; } = "";
    public FaultInfo Fault { get; set; } = new();
    public string? TargetRun { get; set; }
    public HostInfo Host { get; set; } = new();
    public GitInfo? Git { get; set; }
    public List<FaultWindowInfo> FaultsApplied { get; set; } = [];

    [JsonIgnore] public bool IsComplete => Status == RunStatus.Complete;
}

/// <summary>What a `fault` command injected: the fault's kind, for how long (null = until it ends by itself), and how.</summary>
public sealed record FaultInfo
{
    public string Kind { get; set; } = "";
    public double? ForS { get; set; }
    public string Mechanism { get; set; } = "";
}
