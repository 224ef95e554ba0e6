namespace FsBench.Protocol;

/// <summary>
/// The probe's answer to "soak": one window of the agent-like mix. Latencies are response times, measured from
/// each op's intended start (open loop: a stall makes the ops scheduled behind it late, and their latency
/// includes the wait), or service times (closed loop).
/// </summary>
public sealed record SoakReply
{
    public string Type { get; set; } = "soak";
    /// <summary>"open" or "closed".</summary>
    public string Loop { get; set; } = "";
    public long Ops { get; set; }
    public long Failures { get; set; }
    /// <summary>Failed ops by errno name.</summary>
    public Dictionary<string, long> Errnos { get; set; } = new();
    /// <summary>Ops and failures per action ("create_write": 120).</summary>
    public Dictionary<string, long> OpsByAction { get; set; } = new();
    public Dictionary<string, long> FailuresByAction { get; set; } = new();
    /// <summary>Successful ops slower than the request's stall threshold.</summary>
    public long Stalls { get; set; }
    /// <summary>Latency of successful ops (ns): median, 99th percentile, maximum; 0 if none succeeded.</summary>
    public long P50Ns { get; set; }
    public long P99Ns { get; set; }
    public long MaxNs { get; set; }
    /// <summary>Wall time of the window in the guest.</summary>
    public long WallNs { get; set; }
    /// <summary>Open loop: how far behind schedule the probe was when the window ended (0 when on time).</summary>
    public long LagNs { get; set; }
    /// <summary>statx of the scratch root after the window: 0, or the errno (the share is gone or unusable).</summary>
    public int RootErrno { get; set; }
    public string RootErrnoName { get; set; } = "OK";
    public List<FailureRecord> FirstFailures { get; set; } = [];
    /// <summary>
    /// The results of a known-bug pass run under load: it starts with the window that asks for it, runs in the
    /// background, and is reported by the first window that ends after it finished (empty otherwise).
    /// </summary>
    public List<KnownBugResult> KnownBugs { get; set; } = [];
    /// <summary>HdrHistogram of successful latencies (ns), compressed V2, base64.</summary>
    public string Histogram { get; set; } = "";
}

/// <summary>The soak's actions, by name (the probe's MixCatalog must list the same; a test checks).</summary>
public static class SoakActions
{
    public static readonly string[] Names =
        ["create_write", "rename_over", "stat", "getxattr", "mkdir_p", "readdir", "unlink", "git_link"];
}
