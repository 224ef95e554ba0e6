namespace FsBench.RunFormat;

/// <summary>
/// manifest.json of a `fault` command's folder (kind <c>fault</c>): one fault injected from another terminal into a
/// provider (and, when named, the run it targets), with the window it applied. The folder also holds events.csv.
/// </summary>
public sealed record FaultRunManifest : ManifestCommon
{
    public override string Kind { get; set; } = RunKinds.Fault;
    public string Provider { get; set; } = "";
    public FaultInfo Fault { get; set; } = new();
    public string? TargetRun { get; set; }
    public List<FaultWindowInfo> FaultsApplied { get; set; } = [];
}

/// <summary>What a `fault` command injected: the fault's kind, for how long (null = until it ends by itself), and how.</summary>
public sealed record FaultInfo
{
    public string Kind { get; set; } = "";
    public double? ForS { get; set; }
    public string Mechanism { get; set; } = "";
}
