namespace FsBench.Protocol;

/// <summary>
/// For "coherence" (the cross-side coherence scenario): the probe polls the paths of every trial until each shows its
/// expected state, or <see cref="LimitMs"/> has passed. The host sends it twice per round of trials: before it changes
/// the files directly in the share (the "look": the old state; the guest stats and reads them, so its caches are warm),
/// and right after (the new state). Times are measured from the probe's receipt of the request.
/// </summary>
public sealed record CoherenceRequest
{
    /// <summary>Trials polled side by side: each is done when all its paths show their state (and the confirmations ran).</summary>
    public List<CoherenceTrial> Trials { get; set; } = [];
    /// <summary>Stop polling a trial after this long without seeing its expected state.</summary>
    public int LimitMs { get; set; } = 10_000;
    /// <summary>Pause between two rounds of polls (0: none).</summary>
    public int IntervalMs { get; set; } = 1;
    /// <summary>Polls after the first that showed the expected state: any of them that shows another state counts as a reversion.</summary>
    public int ConfirmPolls { get; set; } = 3;
}

public sealed record CoherenceTrial
{
    public List<CoherenceCheck> Checks { get; set; } = [];
}

/// <summary>One path (relative to the request's dir) and the state it must show.</summary>
public sealed record CoherenceCheck
{
    public string Path { get; set; } = "";
    /// <summary>Whether the path existed before the host's change: ENOENT is expected on a path absent before or after.</summary>
    public bool ExistedBefore { get; set; }
    public bool Exists { get; set; }
    /// <summary>When <see cref="Exists"/>: its size (stat) and its first bytes (read), ASCII.</summary>
    public long Size { get; set; }
    public string Head { get; set; } = "";
}

/// <summary>The probe's answer to "coherence": one result per trial, in the request's order.</summary>
public sealed record CoherenceReply
{
    public string Type { get; set; } = "coherence";
    public List<CoherenceResult> Results { get; set; } = [];
}

/// <summary>How long the guest showed another state than the expected one, on one trial's paths.</summary>
public sealed record CoherenceResult
{
    /// <summary>The expected state was seen within the limit.</summary>
    public bool Observed { get; set; }
    public int Polls { get; set; }
    /// <summary>Polls, before the first that showed the expected state, that showed another.</summary>
    public int StalePolls { get; set; }
    /// <summary>From the request's receipt to the end of the last poll that showed another state (0 when none did).</summary>
    public long StaleNs { get; set; }
    /// <summary>From the request's receipt to the end of the first poll that showed the expected state (-1: not within the limit).</summary>
    public long SeenNs { get; set; } = -1;
    /// <summary>Confirmation polls that showed another state again after the expected one had been seen.</summary>
    public int Reverted { get; set; }
    /// <summary>Unexpected errnos of the polls' stat, open and read calls, as "call:ERRNO" (ENOENT on a path absent before or after is expected).</summary>
    public Dictionary<string, long> Errnos { get; set; } = new();
    /// <summary>What the first and the last poll saw, one line per path ("absent", "size 123", "size 123, head differs", an errno).</summary>
    public List<string> FirstSeen { get; set; } = [];
    public List<string> LastSeen { get; set; } = [];
}
