
namespace Analysis.Cases;

/// <summary>
/// Analyses a run one (op, workers) group at a time: only that group's probe samples are in memory, and only
/// the thinned ECDF and the statistics of each case are kept.
/// </summary>
public sealed class RunAnalyzer(DifferenceTest test)
{
    public RunAnalysis Analyze(Run run)
    {
        var results = new List<CaseResult>();
        foreach (var group in run.Cases.GroupBy(c => (c.Op, c.Workers)))
        {
            var samples = new Dictionary<CaseKey, LaunchData>();
            var partial = new List<CaseResult>();
            foreach (var row in group)
            {
                var probe = run.TryReadProbe(row.Key);
                var data = probe is { } p ? LaunchData.Of(p.Probe) : null;
                if (data is not null) samples[row.Key] = data;
                partial.Add(new CaseResult
                {
                    Summary = row,
                    Errnos = run.Errnos.GetValueOrDefault(row.Key) ?? new Dictionary<string, long>(),
                    FailureRate = FailureRate.Of(row.Failures, row.Ops),
                    Latency = data is not null ? LatencySummary.Of(data) : null,
                    Box = data is not null ? BoxQuantiles.Of(RatioEstimator.Thin(data.Pooled)) : null,
                    Ecdf = probe is { } h ? Ecdf.Of(h.Histogram) : [],
                    ProbeMissing = probe is null,
                    WarmupOps = probe?.Probe.WarmupOps ?? 0,
                    WarmupFailures = probe?.Probe.WarmupFailures ?? 0,
                    WarmupErrnos = probe?.Probe.WarmupErrnos ?? [],
                });
            }
            foreach (var result in partial)
            {
                var local = Reference(partial, result.Key, Providers.Local);
                var appleHv = result.Key.Provider == Providers.Libkrun ? Reference(partial, result.Key, Providers.AppleHv) : null;
                results.Add(result with
                {
                    VsLocal = local is null ? null : Compare(result, local, samples),
                    VsAppleHv = appleHv is null ? null : Compare(result, appleHv, samples),
                });
            }
        }
        results.Sort((a, b) => CaseOrder.Instance.Compare(a.Key, b.Key));
        return new RunAnalysis(run, results);
    }

    /// <summary>
    /// The baseline provider's case for the same op and workers: the same mount if it has one, else its first
    /// mount (local usually runs on one host directory whatever the mount under test).
    /// </summary>
    public static CaseResult? Reference(IEnumerable<CaseResult> group, CaseKey key, string provider)
    {
        if (key.Provider == provider) return null;
        var candidates = group.Where(c => c.Key.Provider == provider && c.Key.Op == key.Op && c.Key.Workers == key.Workers)
            .OrderBy(c => c.Key.Mount == key.Mount ? 0 : 1).ThenBy(c => c.Key.Mount, StringComparer.Ordinal);
        return candidates.FirstOrDefault();
    }

    private Comparison Compare(CaseResult candidate, CaseResult baseline, Dictionary<CaseKey, LaunchData> samples) =>
        CaseComparer.Compare(test, candidate.Summary, samples.GetValueOrDefault(candidate.Key) ?? new LaunchData([]),
            baseline.Summary, samples.GetValueOrDefault(baseline.Key) ?? new LaunchData([]));
}
