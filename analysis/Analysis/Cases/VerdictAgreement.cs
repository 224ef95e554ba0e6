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
        int judged = 0, agreeing = 0, strict = 0;
        var disagreements = new List<(CaseKey, Verdict, Verdict)>();
        foreach (var (key, before, after) in JudgedPairs.VsLocal(b, c, v => v.Verdict != Verdict.Unknown))
        {
            judged++;
            if (before.Verdict == after.Verdict) strict++;
            if (Class(before.Verdict) == Class(after.Verdict)) agreeing++;
            else disagreements.Add((key, before.Verdict, after.Verdict));
        }
        return new VerdictAgreement(judged, agreeing, strict, disagreements);
    }

    /// <summary>Slower, faster, or no difference found (same and equivalent alike).</summary>
    private static Verdict Class(Verdict v) => v == Verdict.Equivalent ? Verdict.Same : v;
}
