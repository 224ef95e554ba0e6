
namespace Analysis.Cases;

/// <summary>The operations and failures of one provider over a chosen set of cases, pooled over runs.</summary>
public sealed record FailureEvidence(string Provider, long Ops, long Failures, IReadOnlyDictionary<string, long> Errnos)
{
    public Estimate Rate => FailureRate.Of(Failures, Ops);

    public static FailureEvidence Of(IEnumerable<RunAnalysis> runs, string provider, Func<CaseKey, bool> relevant)
    {
        var cases = runs.SelectMany(r => r.Cases).Where(c => c.Key.Provider == provider && relevant(c.Key)).ToList();
        var errnos = cases.SelectMany(c => c.Errnos)
            .GroupBy(kv => kv.Key)
            .OrderByDescending(g => g.Sum(kv => kv.Value))
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return new FailureEvidence(provider, cases.Sum(c => c.Summary.Ops), cases.Sum(c => c.Summary.Failures), errnos);
    }

    /// <summary>"EACCES 12, EIO 3" (largest first).</summary>
    public string ErrnoList => Errnos.Count == 0 ? "none" : string.Join(", ", Errnos.Select(kv => $"{kv.Key} {kv.Value:N0}"));
}
