using Analysis.RunFolder;
using Analysis.Statistics;

namespace Analysis.Cases;

/// <summary>
/// How far two runs agree on their verdicts against local: for every case both runs judged (slower, faster, or
/// neither shown: "no difference shown" and "equivalent" both say no difference was found), whether the verdicts match.
/// An A/A pair of the same code should agree on nearly every case.
/// </summary>
public sealed record VerdictAgreement(int Judged, int Agreeing, int Strict, IReadOnlyList<(CaseKey Key, Verdict Base, Verdict Candidate)> Disagreements)
{
    public double Fraction => Judged == 0 ? double.NaN : (double)Agreeing / Judged;

    public static VerdictAgreement Of(RunAnalysis b, RunAnalysis c)
    {
        var inBase = b.Cases.Where(r => r.VsLocal is { Verdict: not Verdict.Unknown }).ToDictionary(r => r.Key, r => r.VsLocal!.Verdict);
        int judged = 0, agreeing = 0, strict = 0;
        var disagreements = new List<(CaseKey, Verdict, Verdict)>();
        foreach (var r in c.Cases)
        {
            if (r.VsLocal is not { Verdict: not Verdict.Unknown } vs || !inBase.TryGetValue(r.Key, out var before)) continue;
            judged++;
            if (before == vs.Verdict) strict++;
            if (Class(before) == Class(vs.Verdict)) agreeing++;
            else disagreements.Add((r.Key, before, vs.Verdict));
        }
        return new VerdictAgreement(judged, agreeing, strict, disagreements);
    }

    /// <summary>Slower, faster, or no difference found (same and equivalent alike).</summary>
    private static Verdict Class(Verdict v) => v == Verdict.Equivalent ? Verdict.Same : v;
}
