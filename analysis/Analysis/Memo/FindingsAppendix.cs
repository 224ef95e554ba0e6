using System.Text;
using Analysis.Decision;

namespace Analysis.Memo;

/// <summary><c>findings.md</c> beside the memo: the per-run, per-provider tables behind the verdict table.</summary>
public static class FindingsAppendix
{
    public static string Write(string memoPath, IReadOnlyList<(RunAnalysis Analysis, IReadOnlyList<Figure> Figures)> runs, Roles roles)
    {
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(memoPath))!, MemoWriter.FindingsFile);
        var md = new StringBuilder();
        md.AppendLine("# Appendix: findings per run and provider").AppendLine();
        md.AppendLine($"Part of [the memo](memo.md). {roles.Sentence}").AppendLine();
        var analyses = runs.Select(r => r.Analysis).ToList();
        if (analyses.Count == 0) md.AppendLine("No benchmark run was given: the soaks' appendices hold their findings.").AppendLine();
        else
        {
            FindingsSection.Write(md, analyses, roles);
            GpuTradeOffSection.Embed(md, runs.SelectMany(r => r.Figures), Path.GetDirectoryName(path)!);
        }
        File.WriteAllText(path, md.ToString());
        return path;
    }
}
