
namespace Analysis.Cases;

/// <summary>Everything the memo and the figures say about one case of one run.</summary>
public sealed record CaseResult
{
    public required SummaryRow Summary { get; init; }
    public CaseKey Key => Summary.Key;

    /// <summary>Failure counts by errno name (from failures.csv).</summary>
    public required IReadOnlyDictionary<string, long> Errnos { get; init; }

    public required Estimate FailureRate { get; init; }

    /// <summary>HD quantiles of the probe's samples; null when the probe file is missing or has too few samples.</summary>
    public LatencySummary? Latency { get; init; }

    /// <summary>HD p5/p25/p50/p75/p95 of the probe's samples for the box plots; null like <see cref="Latency"/>.</summary>
    public BoxQuantiles? Box { get; init; }

    /// <summary>ECDF points of the probe's histogram (empty when the probe file is missing).</summary>
    public IReadOnlyList<(double Ns, double Fraction)> Ecdf { get; init; } = [];

    /// <summary>Operations and failures of the warmup batches: never in <see cref="FailureRate"/> or the latencies.</summary>
    public long WarmupOps { get; init; }
    public long WarmupFailures { get; init; }
    public IReadOnlyDictionary<string, long> WarmupErrnos { get; init; } = new Dictionary<string, long>();

    /// <summary>True when a run that did not complete has no probe file for this case.</summary>
    public bool ProbeMissing { get; init; }

    /// <summary>Against <c>local</c> at the same op and workers (null for local itself or without a local case).</summary>
    public Comparison? VsLocal { get; init; }

    /// <summary>For <c>libkrun</c>: against <c>applehv</c> in the same case, when the run has it.</summary>
    public Comparison? VsAppleHv { get; init; }
}

/// <summary>A case against a baseline case: latency ratio (HL, with interval), verdict and throughput ratio.</summary>
public sealed record Comparison(CaseKey Baseline, Estimate? LatencyRatio, Verdict Verdict, double ThroughputRatio, double P50Ratio)
{
    /// <summary>The per-repetition ratio with its intervals (null for runs with one launch, judged by the Mann-Whitney test).</summary>
    public LaunchRatio? Launch { get; init; }
}
