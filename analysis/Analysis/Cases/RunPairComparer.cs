
namespace Analysis.Cases;

/// <summary>
/// Matches the cases two runs share and measures each one's change (<see cref="RunChange"/>): by default of its p50
/// ratio to the reference provider in its own run (the reference's own cases are then the yardstick, not judged);
/// with <c>absolute</c>, of its own p50.
/// </summary>
public sealed class RunPairComparer(string reference, bool absolute)
{
    public string Reference => reference;
    public bool Absolute => absolute;

    public sealed record Pair(CaseKey Key, SummaryRow Base, SummaryRow Candidate, RunChange? Change, Estimate? BaseRatio, Estimate? CandidateRatio, string? NotJudged);

    public IReadOnlyList<Pair> Pairs(Run b, Run c)
    {
        if (!absolute && !b.Cases.Any(r => r.Provider == reference) && !c.Cases.Any(r => r.Provider == reference))
            throw new BadInputException(c.Directory, $"the reference provider '{reference}' is in neither run (pass --reference P, or --absolute)");
        var candidates = c.Cases.ToDictionary(r => r.Key);
        var baseData = new Cache(b);
        var candidateData = new Cache(c);
        var pairs = new List<Pair>();
        foreach (var baseRow in b.Cases)
        {
            if (!candidates.TryGetValue(baseRow.Key, out var candidateRow)) continue;
            var key = baseRow.Key;
            var bd = baseData.Get(key);
            var cd = candidateData.Get(key);
            if (bd is null || cd is null) { pairs.Add(new Pair(key, baseRow, candidateRow, null, null, null, "probe file missing in an unfinished run")); continue; }
            if (absolute)
            {
                pairs.Add(new Pair(key, baseRow, candidateRow, RunChange.Absolute(bd, cd), null, null, null));
                continue;
            }
            if (key.Provider == reference) { pairs.Add(new Pair(key, baseRow, candidateRow, null, null, null, "the reference itself")); continue; }
            var br = ReferenceRatio(b, baseData, key, bd);
            var cr = ReferenceRatio(c, candidateData, key, cd);
            if (br is null || cr is null) { pairs.Add(new Pair(key, baseRow, candidateRow, null, br?.Ratio, cr?.Ratio, $"no {reference} case to take the ratio against")); continue; }
            pairs.Add(new Pair(key, baseRow, candidateRow, RunChange.Of(br, cr), br.Ratio, cr.Ratio, null));
        }
        if (pairs.Count == 0)
            throw new BadInputException(c.Directory, $"no case in common with {b.Directory} (cases match by provider, mount, op and workers)");
        return pairs;
    }

    /// <summary>The case's p50 ratio to the reference at the same op and workers (same mount if it has one) in the same run.</summary>
    private LaunchRatio? ReferenceRatio(Run run, Cache cache, CaseKey key, LaunchData data)
    {
        var refRow = run.Cases.Where(r => r.Provider == reference && r.Op == key.Op && r.Workers == key.Workers)
            .OrderBy(r => r.Mount == key.Mount ? 0 : 1).ThenBy(r => r.Mount, StringComparer.Ordinal).FirstOrDefault();
        return refRow is not null && cache.Get(refRow.Key) is { } refData ? LaunchRatio.Of(data, refData) : null;
    }

    /// <summary>Each case's launches, read once.</summary>
    private sealed class Cache(Run run)
    {
        private readonly Dictionary<CaseKey, LaunchData?> _data = new();

        public LaunchData? Get(CaseKey key)
        {
            if (!_data.TryGetValue(key, out var d)) _data[key] = d = run.TryReadProbe(key) is { } p ? LaunchData.Of(p.Probe) : null;
            return d;
        }
    }
}
