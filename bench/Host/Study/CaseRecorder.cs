using FsBench.RunFormat;
using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Host.Study;

/// <summary>
/// Accumulates the probe's batches of one case over its launches (one per repetition, each a new probe session that
/// continues the case file the previous one left). Warmup batches (the first <c>warmup</c> of every launch) are
/// counted apart and reach neither the merged histogram, the sample, the failure counts nor the quantiles; each
/// launch keeps its own histogram of measured operations and a row per batch. Saved after every batch.
/// </summary>
public sealed class CaseRecorder
{
    private readonly CaseKey _key;
    private readonly string _layout;
    private readonly int _sampleCap, _warmup;
    private readonly RunFolder _folder;
    private readonly LongHistogram _histogram = NewHistogram();
    private readonly LongHistogram _launchHistogram = NewHistogram();
    private readonly Dictionary<string, long> _errnos, _warmupErrnos;
    private readonly List<FailureRecord> _first;
    private readonly List<long> _samples;
    private readonly List<ProbeLaunch> _earlierLaunches;
    private readonly List<ProbeBatch> _batches = [];
    private readonly Random _random;
    private readonly int _repetition;
    private long _seen, _ops, _failures, _wallNs, _warmupOps, _warmupFailures;
    private int _measuredBatches, _warmupBatches;
    private string? _channelFailure;

    /// <param name="earlier">The case file earlier launches of this case wrote, or null for the first launch.</param>
    public CaseRecorder(CaseKey key, string layout, int sampleCap, RunFolder folder, int repetition = 0, int warmup = 0, ProbeCase? earlier = null)
    {
        (_key, _layout, _sampleCap, _folder, _repetition, _warmup) = (key, layout, sampleCap, folder, repetition, warmup);
        _random = new Random(17 + repetition);
        earlier ??= new ProbeCase();
        if (!string.IsNullOrEmpty(earlier.Histogram)) _histogram.Add(HistogramCodec.Decode(earlier.Histogram));
        _errnos = new(earlier.Errnos);
        _warmupErrnos = new(earlier.WarmupErrnos);
        _first = [.. earlier.FirstFailures];
        _samples = [.. earlier.SamplesNs.Select(s => (long)s)];
        _earlierLaunches = [.. earlier.Launches];
        _seen = Math.Max(earlier.SamplesSeen, earlier.SamplesNs.Length);
        (_ops, _failures, _wallNs, _measuredBatches) = (earlier.Ops, earlier.Failures, earlier.WallNs, earlier.Batches);
        (_warmupOps, _warmupFailures, _warmupBatches) = (earlier.WarmupOps, earlier.WarmupFailures, earlier.WarmupBatches);
        _channelFailure = earlier.ChannelFailure;
    }

    public CaseKey Key => _key;
    public long Ops => _ops;
    public long Failures => _failures;

    /// <summary>Whether the next batch of this launch is a warmup batch (the first <c>warmup</c> of every launch).</summary>
    public bool NextIsWarmup => _batches.Count < _warmup;

    public void Add(BatchResult batch)
    {
        int index = _batches.Count;
        bool warmup = NextIsWarmup;
        _batches.Add(new ProbeBatch
        {
            Index = index, Warmup = warmup, Ops = batch.Ops, Failures = batch.Failures, WallNs = batch.WallNs,
            P50Ns = batch.P50Ns, MaxNs = batch.MaxNs,
        });
        if (warmup)
        {
            Count(_warmupErrnos, batch);
            _warmupOps += batch.Ops;
            _warmupFailures += batch.Failures;
            _warmupBatches++;
        }
        else
        {
            var h = HistogramCodec.Decode(batch.Histogram);
            _histogram.Add(h);
            _launchHistogram.Add(h);
            Count(_errnos, batch);
            foreach (var f in batch.FirstFailures.Where(_ => _first.Count < 16)) _first.Add(f with { TNs = _wallNs + f.TNs });
            foreach (var s in batch.SamplesNs) Offer(s);
            _ops += batch.Ops;
            _failures += batch.Failures;
            _wallNs += batch.WallNs;
            _measuredBatches++;
        }
        _folder.WriteCase(Snapshot());
    }

    /// <summary>The batch's errnos; the untimed preparation's failures (the prep phase) apart, as "prep:ERRNO".</summary>
    private static void Count(Dictionary<string, long> errnos, BatchResult batch)
    {
        foreach (var (errno, count) in batch.Errnos) errnos[errno] = errnos.GetValueOrDefault(errno) + count;
        foreach (var (errno, count) in batch.PrepErrnos) errnos[$"{Phases.Prep}:{errno}"] = errnos.GetValueOrDefault($"{Phases.Prep}:{errno}") + count;
    }

    /// <summary>The channel died (guest, server or probe gone): kept as a failure of its own, with what came before.</summary>
    public void ChannelFailed(string reason)
    {
        _channelFailure = reason;
        _folder.WriteCase(Snapshot());
    }

    public ProbeCase Snapshot() => new()
    {
        Provider = _key.Provider, Mount = _key.Mount, Op = _key.Op, Workers = _key.Workers, Layout = _layout,
        Ops = _ops, Failures = _failures, WallNs = _wallNs, Batches = _measuredBatches,
        WarmupBatches = _warmupBatches, WarmupOps = _warmupOps, WarmupFailures = _warmupFailures, WarmupErrnos = new(_warmupErrnos),
        Errnos = new(_errnos), FirstFailures = [.. _first],
        Histogram = HistogramCodec.Encode(_histogram), SamplesNs = [.. _samples.Select(s => (double)s)], SamplesSeen = _seen,
        ChannelFailure = _channelFailure,
        P50Ns = Percentile(_histogram, 50), P99Ns = Percentile(_histogram, 99), P999Ns = Percentile(_histogram, 99.9),
        MeanNs = _histogram.TotalCount > 0 ? _histogram.GetMean() : 0,
        Launches = [.. _earlierLaunches, ThisLaunch()],
    };

    private ProbeLaunch ThisLaunch() => new()
    {
        Repetition = _repetition,
        Ops = _batches.Where(b => !b.Warmup).Sum(b => b.Ops),
        Failures = _batches.Where(b => !b.Warmup).Sum(b => b.Failures),
        Histogram = HistogramCodec.Encode(_launchHistogram),
        P50Ns = Percentile(_launchHistogram, 50), P99Ns = Percentile(_launchHistogram, 99),
        Batches = [.. _batches],
    };

    private static LongHistogram NewHistogram() => new(3_600_000_000_000L, 3);

    private static long Percentile(HistogramBase h, double p) => h.TotalCount > 0 ? h.GetValueAtPercentile(p) : 0;

    private void Offer(long ns)
    {
        long seen = _seen++;
        if (_samples.Count < _sampleCap) _samples.Add(ns);
        else
        {
            long j = _random.NextInt64(seen + 1);
            if (j < _sampleCap) _samples[(int)j] = ns;
        }
    }
}
