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
    /// <summary>Warmup batches, kept apart from everything above (absent in runs before launches were recorded).</summary>
    public int WarmupBatches { get; init; }
    public long WarmupOps { get; init; }
    public long WarmupFailures { get; init; }
    public Dictionary<string, long> WarmupErrnos { get; init; } = [];
    /// <summary>One entry per launch (repetition); empty in older runs, whose totals also include warmup batches.</summary>
    public List<ProbeLaunch> Launches { get; init; } = [];
}

/// <summary>One launch of a case: its measured operations' histogram and its batches (warmup flagged).</summary>
public sealed record ProbeLaunch
{
    public int Repetition { get; init; }
    public long Ops { get; init; }
    public long Failures { get; init; }
    public string Histogram { get; init; } = "";
    public List<ProbeBatch> Batches { get; init; } = [];
}

public sealed record ProbeBatch
{
    public int Index { get; init; }
    public bool Warmup { get; init; }
    public long Ops { get; init; }
    public long Failures { get; init; }
    public long WallNs { get; init; }
    public long P50Ns { get; init; }
    public long MaxNs { get; init; }
}

public sealed record FirstFailure
{
    public string Op { get; init; } = "";
    public string Path { get; init; } = "";
    public int Errno { get; init; }
    public string ErrnoName { get; init; } = "";
    public long TNs { get; init; }
}
