using Analysis.RunFolder;

namespace Analysis.Cases;

/// <summary>The cases two runs both compared against local (and that pass <c>judged</c>), in the candidate run's order.</summary>
public static class JudgedPairs
{
    public static IEnumerable<(CaseKey Key, Comparison Base, Comparison Candidate)> VsLocal(RunAnalysis b, RunAnalysis c, Func<Comparison, bool> judged)
    {
        var inBase = b.Cases.Where(r => r.VsLocal is { } v && judged(v)).ToDictionary(r => r.Key, r => r.VsLocal!);
        foreach (var r in c.Cases)
            if (r.VsLocal is { } v && judged(v) && inBase.TryGetValue(r.Key, out var before))
                yield return (r.Key, before, v);
    }
}
