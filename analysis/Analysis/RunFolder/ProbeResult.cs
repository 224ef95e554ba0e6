namespace Analysis.RunFolder;

/// <summary><c>probe/&lt;provider&gt;.&lt;mount&gt;.&lt;op&gt;.w&lt;workers&gt;.json</c>: what the probe saw for one case.</summary>
public sealed record ProbeResult
{
    public string Provider { get; init; } = "";
    public string Mount { get; init; } = "";
    public string Op { get; init; } = "";
    public int Workers { get; init; }
    public string? Layout { get; init; }
    public long Ops { get; init; }
    public long Failures { get; init; }
    public long WallNs { get; init; }
    public int Batches { get; init; }
    public Dictionary<string, long> Errnos { get; init; } = [];
    public List<FirstFailure> FirstFailures { get; init; } = [];
    public string Histogram { get; init; } = "";
    public double[] SamplesNs { get; init; } = [];
}

public sealed record FirstFailure
{
    public string Op { get; init; } = "";
    public string Path { get; init; } = "";
    public int Errno { get; init; }
    public string ErrnoName { get; init; } = "";
    public long TNs { get; init; }
}
