namespace FsBench.Protocol;

/// <summary>
/// The probe's answer to "replay": a workload trace replayed in a fresh workspace, with its recorded concurrency.
/// A failure is a call whose outcome differs from the one recorded on the host (an errno where the tool succeeded,
/// another errno, or a success where the tool got an errno); calls that fail as they did on the host are not failures.
/// </summary>
public sealed record ReplayReply
{
    public string Type { get; set; } = "replay";
    public string Workload { get; set; } = "";
    public long Calls { get; set; }
    /// <summary>Workers the trace's threads were mapped to.</summary>
    public int Lanes { get; set; }
    /// <summary>Time to completion of the timed trace: from the workers' start to the last call's end.</summary>
    public long WallNs { get; set; }
    /// <summary>Time the untimed set-up traces took (bringing the workspace to the state the timed trace starts from).</summary>
    public long SetupNs { get; set; }
    public long Failures { get; set; }
    /// <summary>Failures by the errno the replay got ("OK" when it succeeded where the tool had failed).</summary>
    public Dictionary<string, long> FailuresByErrno { get; set; } = new();
    /// <summary>Every errno the timed calls returned, expected or not.</summary>
    public Dictionary<string, long> Errnos { get; set; } = new();
    public Dictionary<string, ReplayOpStats> PerOp { get; set; } = new();
    public List<FailureRecord> FirstFailures { get; set; } = [];
}

public sealed record ReplayOpStats
{
    public long Count { get; set; }
    public long Failures { get; set; }
    public long SumNs { get; set; }
    public long P50Ns { get; set; }
    public long P99Ns { get; set; }
    public long MaxNs { get; set; }
}
