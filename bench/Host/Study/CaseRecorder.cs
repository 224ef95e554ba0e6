using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Host.Study;

/// <summary>
/// Accumulates the probe's batches of one case: a merged histogram, errno counts, the first failures and
/// a bounded uniform sample (reservoir) of raw latencies. Saved to the run folder after every batch.
/// </summary>
public sealed class CaseRecorder(CaseKey key, string layout, int sampleCap, RunFolder folder)
{
    private readonly LongHistogram _histogram = new(3_600_000_000_000L, 3);
    private readonly Dictionary<string, long> _errnos = new();
    private readonly List<FailureRecord> _first = [];
    private readonly List<long> _samples = [];
    private readonly Random _random = new(17);
    private long _seen, _ops, _failures, _wallNs;
    private int _batches;
    private string? _channelFailure;

    public CaseKey Key => key;
    public long Ops => _ops;
    public long Failures => _failures;

    public void Add(BatchResult batch)
    {
        _histogram.Add(HistogramCodec.Decode(batch.Histogram));
        foreach (var (errno, count) in batch.Errnos) _errnos[errno] = _errnos.GetValueOrDefault(errno) + count;
        foreach (var f in batch.FirstFailures.Where(_ => _first.Count < 16)) _first.Add(f with { TNs = _wallNs + f.TNs });
        foreach (var s in batch.SamplesNs) Offer(s);
        _ops += batch.Ops;
        _failures += batch.Failures;
        _wallNs += batch.WallNs;
        _batches++;
        folder.WriteCase(Snapshot());
    }

    /// <summary>The channel died (guest, server or probe gone): kept as a failure of its own, with what came before.</summary>
    public void ChannelFailed(string reason)
    {
        _channelFailure = reason;
        folder.WriteCase(Snapshot());
    }

    public ProbeCase Snapshot() => new()
    {
        Provider = key.Provider, Mount = key.Mount, Op = key.Op, Workers = key.Workers, Layout = layout,
        Ops = _ops, Failures = _failures, WallNs = _wallNs, Batches = _batches,
        Errnos = new(_errnos), FirstFailures = [.. _first],
        Histogram = HistogramCodec.Encode(_histogram), SamplesNs = [.. _samples.Select(s => (double)s)],
        ChannelFailure = _channelFailure,
        P50Ns = Percentile(50), P99Ns = Percentile(99), P999Ns = Percentile(99.9),
        MeanNs = _histogram.TotalCount > 0 ? _histogram.GetMean() : 0,
    };

    private long Percentile(double p) => _histogram.TotalCount > 0 ? _histogram.GetValueAtPercentile(p) : 0;

    private void Offer(long ns)
    {
        long seen = _seen++;
        if (_samples.Count < sampleCap) _samples.Add(ns);
        else
        {
            long j = _random.NextInt64(seen + 1);
            if (j < sampleCap) _samples[(int)j] = ns;
        }
    }
}
