namespace Analysis.Cases;

/// <summary>
/// The cross-side coherence scenario of a run (coherence.csv), per provider, mount and kind of change: how long the guest
/// still showed the old state after the host's change (p50, p95, max over the trials, nearest rank), how many trials saw it
/// at all, and what should not happen (not seen within the limit, a reversion, an unexpected errno, a look that never saw the file).
/// </summary>
public sealed record CoherenceResult(string Provider, string Mount, string Kind, int Trials, int StaleTrials,
    double P50Ms, double P95Ms, double MaxMs, double ResolutionMs, int NotObserved, int Reverted, int Cold, int LimitMs, IReadOnlyDictionary<string, long> Errnos)
{
    public const string Method = "staleness: from the probe's receipt of the poll request (right after the host's change) to the end of the last " +
                                 "poll that still showed the old state (0 when the first poll showed the new one); p50 and p95 by nearest rank over the trials; " +
                                 "resolution: the median time from the start of the request, or the end of the last stale poll, to the end of the first poll that showed the new state";

    public long UnexpectedErrnos => Errnos.Values.Sum();
    /// <summary>Something no cache lifetime explains: a change never seen within the limit, a reversion, an unexpected errno, a look that never saw the file.</summary>
    public bool Unexpected => NotObserved > 0 || Reverted > 0 || UnexpectedErrnos > 0 || Cold > 0;

    public static IReadOnlyList<CoherenceResult> Of(string runDir) => Of(CoherenceRow.ReadIfPresent(runDir));

    public static IReadOnlyList<CoherenceResult> Of(IEnumerable<CoherenceRow> rows) =>
        rows.GroupBy(r => (r.Provider, r.Mount, r.Kind))
            .Select(g =>
            {
                var ms = g.Select(r => r.StalenessUs / 1000).Order().ToArray();
                var errnos = g.SelectMany(r => r.ErrnoCounts()).GroupBy(e => e.Key).ToDictionary(e => e.Key, e => e.Sum(x => x.Value));
                return new CoherenceResult(g.Key.Provider, g.Key.Mount, g.Key.Kind, ms.Length, g.Count(r => r.StalePolls > 0),
                    NearestRank(ms, 0.50), NearestRank(ms, 0.95), ms[^1],
                    NearestRank(g.Where(r => r.SeenUs is not null).Select(r => (r.SeenUs!.Value - r.StalenessUs) / 1000).Order().DefaultIfEmpty(double.NaN).ToArray(), 0.50),
                    g.Count(r => !r.Observed), g.Sum(r => r.Reverted), g.Count(r => !r.Warm),
                    g.Max(r => r.LimitMs), errnos);
            })
            .OrderBy(r => RunFolder.Providers.Order(r.Provider)).ThenBy(r => r.Mount).ThenBy(r => KindOrder(r.Kind))
            .ToList();

    /// <summary>The smallest value with at least a fraction <paramref name="p"/> of the sorted values at or below it.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static readonly string[] Kinds = ["rewrite", "rewrite-unread", "replace", "rename", "delete", "create"];
    private static int KindOrder(string kind) => Array.IndexOf(Kinds, kind) is var i and >= 0 ? i : Kinds.Length;
}
