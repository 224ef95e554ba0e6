using System.Text.Json.Serialization;
using FsBench.Protocol;

namespace FsBench.RunFormat;

/// <summary>
/// probe/&lt;provider&gt;.&lt;mount&gt;.&lt;op&gt;.w&lt;workers&gt;.json (<see cref="CaseKey.ProbeFileName"/>): what the probe saw for
/// one case, all batches merged.
/// </summary>
public sealed record ProbeCase
{
    public string Provider { get; set; } = "";
    public string Mount { get; set; } = "";
    public string Op { get; set; } = "";
    public int Workers { get; set; }
    public string? Layout { get; set; }
    public long Ops { get; set; }
    public long Failures { get; set; }
    /// <summary>Summed in-guest wall time of the batches.</summary>
    public long WallNs { get; set; }
    /// <summary>Measured batches, over all launches.</summary>
    public int Batches { get; set; }
    /// <summary>Warmup batches, kept apart from everything else (0 in runs before launches were recorded).</summary>
    public int WarmupBatches { get; set; }
    public long WarmupOps { get; set; }
    public long WarmupFailures { get; set; }
    public Dictionary<string, long> WarmupErrnos { get; set; } = [];
    /// <summary>Percentiles and mean of the successful operations' latency (from the histogram; 0 when none succeeded).</summary>
    public long P50Ns { get; set; }
    public long P99Ns { get; set; }
    public long P999Ns { get; set; }
    public double MeanNs { get; set; }
    /// <summary>Why the case's probe channel died (guest, server or probe gone), or null.</summary>
    public string? ChannelFailure { get; set; }
    public Dictionary<string, long> Errnos { get; set; } = [];
    public List<FailureRecord> FirstFailures { get; set; } = [];
    /// <summary>HdrHistogram of successful latencies (ns), compressed V2 encoding, base64 (<see cref="HistogramCodec"/>).</summary>
    public string Histogram { get; set; } = "";
    /// <summary>A bounded uniform sample of the raw latencies of successful operations.</summary>
    public double[] SamplesNs { get; set; } = [];
    /// <summary>Measured latencies the sample was drawn from (the reservoir's stream length).</summary>
    public long SamplesSeen { get; set; }
    /// <summary>One entry per launch (repetition); empty in older runs, whose totals also include warmup batches.</summary>
    public List<ProbeLaunch> Launches { get; set; } = [];

    [JsonIgnore] public CaseKey Key => new(Provider, Mount, Op, Workers);
    [JsonIgnore] public double OpsPerSecond => WallNs > 0 ? Ops / (WallNs / 1e9) : 0;
}

/// <summary>One launch of a case: its measured operations (histogram) and every batch, warmup ones flagged.</summary>
public sealed record ProbeLaunch
{
    public int Repetition { get; set; }
    public long Ops { get; set; }
    public long Failures { get; set; }
    public long P50Ns { get; set; }
    public long P99Ns { get; set; }
    public string Histogram { get; set; } = "";
    public List<ProbeBatch> Batches { get; set; } = [];
}

/// <summary>One probe batch: its index within the launch, whether it was warmup, and its own figures.</summary>
public sealed record ProbeBatch
{
    public int Index { get; set; }
    public bool Warmup { get; set; }
    public long Ops { get; set; }
    public long Failures { get; set; }
    public long WallNs { get; set; }
    public long P50Ns { get; set; }
    public long MaxNs { get; set; }
}
