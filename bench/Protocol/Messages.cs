namespace FsBench.Protocol;

/// <summary>One line from the host to the probe.</summary>
/// <remarks>
/// cmd: "hello" | "batch" | "knownbugs" | "soak" | "replay" | "coherence" | "cleanup" | "quit".
/// For "batch": run <see cref="Count"/> operations <see cref="Op"/> split over <see cref="Workers"/>
/// concurrent workers, in <see cref="Dir"/> (relative to the probe's scratch root).
/// </remarks>
public sealed record ProbeRequest
{
    public string Cmd { get; set; } = "";
    public string? Op { get; set; }
    public int Count { get; set; }
    public int Workers { get; set; } = 1;
    /// <summary>"private": a directory per worker; "shared": all workers in one directory.</summary>
    public string Layout { get; set; } = Layouts.Private;
    public string Dir { get; set; } = ".";
    /// <summary>
    /// When <see cref="Dir"/> is an overlay mount: its lower layer, relative to the scratch root, where the
    /// probe can write directly (needed by "copyup"). Null when the lower layer is out of the probe's reach.
    /// </summary>
    public string? LowerDir { get; set; }
    /// <summary>
    /// For an op that needs <see cref="OpNeeds.HostFixtures"/>: the directory, relative to the scratch root, in which the
    /// host made this batch's files just before sending it (names: <see cref="HostFixtures.RelativePath"/>).
    /// </summary>
    public string? FixtureDir { get; set; }
    /// <summary>For "knownbugs": which probes to run (default: all).</summary>
    public string[]? Names { get; set; }
    /// <summary>At most this many raw latencies are returned (a uniform sample).</summary>
    public int Sample { get; set; } = 1024;

    // For "soak" (see SoakMessages.cs): one window of the agent-like mix.
    /// <summary>Target rate in ops/s over all workers (open loop, kept across windows); 0 = closed loop.</summary>
    public double Rate { get; set; }
    /// <summary>Length of the window: intended start times (open loop) or wall time (closed loop).</summary>
    public int WindowMs { get; set; } = 1000;
    /// <summary>Action name to relative weight.</summary>
    public Dictionary<string, int>? Mix { get; set; }
    /// <summary>An op slower than this (from its intended start) counts as a stall.</summary>
    public long StallNs { get; set; } = 1_000_000_000;
    /// <summary>Start a pass of every known-bug reproducer, this many runs each, beside the load (0: none; ignored while one runs).</summary>
    public int KnownBugRuns { get; set; }

    // For "replay" (see ReplayMessages.cs): a workload trace (TraceFormat text), after its untimed set-up traces.
    public string? Workload { get; set; }
    public string? Trace { get; set; }
    public string[]? SetupTraces { get; set; }

    /// <summary>For "coherence" (see CoherenceMessages.cs): the files to poll, in <see cref="Dir"/>, and their expected state.</summary>
    public CoherenceRequest? Coherence { get; set; }

    /// <summary>
    /// For "cleanup" in a guest the study owns: also drop the guest kernel's dentry and inode caches, so the file server
    /// forgets the inodes the case looked up (see IProvider.GuestForgetsAfterCase on the host).
    /// </summary>
    public bool DropCaches { get; set; }
}

public static class Layouts
{
    public const string Private = "private";
    public const string Shared = "shared";
    public static readonly string[] All = [Private, Shared];
}

/// <summary>The probe's answer to "hello".</summary>
public sealed record HelloReply
{
    public string Type { get; set; } = "hello";
    public string ProtocolVersion { get; set; } = ProbeProtocol.Version;
    public int Pid { get; set; }
    public string Kernel { get; set; } = "";
    public string Arch { get; set; } = "";
    public string Root { get; set; } = "";
    public string FsType { get; set; } = "";
    /// <summary>The operations this probe performs and what each needs (each operation declares its own: the probe's OperationCatalog).</summary>
    public OpInfo[] Ops { get; set; } = [];
    /// <summary>The known-bug reproducers this probe can run, by name (the host runs each in its own request).</summary>
    public string[] KnownBugs { get; set; } = [];
}

/// <summary>The probe's answer to "batch": what happened to every operation of the batch.</summary>
public sealed record BatchResult
{
    public string Type { get; set; } = "batch";
    public string Op { get; set; } = "";
    public int Workers { get; set; }
    public string Layout { get; set; } = "";
    public long Ops { get; set; }
    public long Failures { get; set; }
    /// <summary>Failures of the batch's untimed preparation (worker directories, fixtures): the "prep" phase, by errno.
    /// They are not among <see cref="Ops"/>; the operations that then failed are.</summary>
    public long PrepFailures { get; set; }
    public Dictionary<string, long> PrepErrnos { get; set; } = new();
    /// <summary>Wall time of the timed part of the batch, all workers together.</summary>
    public long WallNs { get; set; }
    /// <summary>Median and maximum latency of the batch's successes (from the histogram; 0 if none succeeded).</summary>
    public long P50Ns { get; set; }
    public long MaxNs { get; set; }
    public Dictionary<string, long> Errnos { get; set; } = new();
    public List<FailureRecord> FirstFailures { get; set; } = [];
    /// <summary>HdrHistogram of successful latencies (ns), compressed V2 encoding, base64.</summary>
    public string Histogram { get; set; } = "";
    public long[] SamplesNs { get; set; } = [];
}

public sealed record FailureRecord
{
    public string Op { get; set; } = "";
    /// <summary>"timed" (the operation itself) or "prep" (its untimed preparation).</summary>
    public string Phase { get; set; } = Phases.Timed;
    public string Path { get; set; } = "";
    public int Errno { get; set; }
    public string ErrnoName { get; set; } = "";
    /// <summary>Time since the start of the batch.</summary>
    public long TNs { get; set; }
}

/// <summary>The probe's answer to "knownbugs": each probe's runs and its deviations from POSIX, by outcome.</summary>
public sealed record KnownBugReply
{
    public string Type { get; set; } = "knownbugs";
    public List<KnownBugResult> Results { get; set; } = [];
}

public sealed record KnownBugResult
{
    public string Name { get; set; } = "";
    public string Expected { get; set; } = "";
    public int Runs { get; set; }
    public long Deviations { get; set; }
    public Dictionary<string, long> Outcomes { get; set; } = new();
}

public static class Phases
{
    public const string Timed = "timed";
    public const string Prep = "prep";
}

public sealed record StatusReply
{
    public string Type { get; set; } = "ok";
    public string Message { get; set; } = "";
}

public static class ProbeProtocol
{
    public const string Version = "1";
    public const string Error = "error";
}
