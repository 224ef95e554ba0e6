using System.Text;
using Analysis.Decision;

namespace Analysis.Memo;

/// <summary>Each mitigation's failure classes with the side-by-side counts of both roles: the numbers behind the verdicts.</summary>
public static class MitigationsSection
{
    public const string Rule =
        "Only side-by-side evidence counts (one run folder with both providers, or soaks of both from one study on one machine). " +
        "Per failure class: **still needed** when the candidate had events; **removable** when every class that reproduced the problem on the incumbent " +
        "shows the candidate's 95% upper bound below a tenth of the incumbent's 95% lower bound; **keep as defense-in-depth** when the candidate had none " +
        "but too little exposure to show that; **not enough evidence** when there is no side-by-side evidence or the incumbent did not fail either.";

    public static void Write(StringBuilder md, IReadOnlyList<MitigationAssessment> assessments, Roles roles)
    {
        md.AppendLine("## Mitigations: the evidence per failure class").AppendLine();
        md.AppendLine(Rule).AppendLine();
        var table = new MarkdownTable("mitigation", "failure class", "counted from", $"incumbent `{roles.Incumbent}`", $"candidate `{roles.Candidate}`", "shows");
        foreach (var a in assessments)
        foreach (var l in a.Lines)
            table.Add(a.Mitigation.Name, l.Class, l.Source, l.Outcome == LineOutcome.NoEvidence && !l.Incumbent.HasExposure ? "—" : l.Incumbent.ToString(),
                l.Outcome == LineOutcome.NoEvidence && !l.Candidate.HasExposure ? "—" : l.Candidate.ToString(), Shows(l.Outcome));
        md.AppendLine(table.ToString());
        foreach (var a in assessments.Where(a => a.Mitigation.Caveat is not null))
            md.AppendLine($"- {a.Mitigation.Name}: {a.Mitigation.Caveat}.");
        md.AppendLine();
    }

    public static string Shows(LineOutcome o) => o switch
    {
        LineOutcome.NoEvidence => "no side-by-side evidence",
        LineOutcome.NotReproduced => "not reproduced on the incumbent",
        LineOutcome.CandidateFails => "**candidate fails**",
        LineOutcome.Decisive => "candidate ≥ 10× better",
        _ => "candidate clean, too little exposure",
    };
}
