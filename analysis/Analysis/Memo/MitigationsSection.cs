using System.Text;
using Analysis.Cases;

namespace Analysis.Memo;

/// <summary>Which of the team's workarounds libkrun makes unnecessary, each with its rule and numbers.</summary>
public static class MitigationsSection
{
    public static void Write(StringBuilder md, IReadOnlyList<RunAnalysis> runs)
    {
        md.AppendLine("### 4. Which mitigations can go").AppendLine();
        md.AppendLine("Rule: only runs that measured `applehv` and `libkrun` side by side count. **Removable** when libkrun had no failure in the " +
                      $"relevant cases and its 95% upper bound is below a {Mitigations.RequiredImprovement:0}th of applehv's 95% lower bound; " +
                      "**keep as defense-in-depth** when libkrun had no failure but too few operations to show that; **still needed** when libkrun " +
                      "failed; **not enough evidence** when no run measured both, or applehv did not fail either (the run could not see the problem).").AppendLine();
        var table = new MarkdownTable("mitigation", "guards against", "relevant cases", "verdict", "evidence");
        foreach (var m in Mitigations.All)
        {
            var a = Mitigations.Assess(m, runs);
            table.Add(m.Name, m.GuardsAgainst, m.Scope, Verdict(a.Verdict), a.Evidence + (m.Caveat is null ? "" : $". Caveat: {m.Caveat}"));
        }
        md.AppendLine(table.ToString());
    }

    private static string Verdict(MitigationVerdict v) => v switch
    {
        MitigationVerdict.Removable => "removable",
        MitigationVerdict.KeepAsDefenseInDepth => "keep as defense-in-depth",
        MitigationVerdict.StillNeeded => "still needed",
        _ => "**not enough evidence**",
    };
}
