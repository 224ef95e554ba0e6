using System.Text;

namespace Analysis.Memo;

/// <summary>
/// <c>appendix.md</c> in a run folder: the run's setup, restarts, overview figures, one table per op with its figures,
/// its known bugs and its cross-side coherence. The memo links it; every figure the run draws is linked from here.
/// </summary>
public static class RunAppendix
{
    public const string FileName = "appendix.md";

    public static string Write(RunAnalysis analysis, IReadOnlyList<Figure> figures, string memoPath)
    {
        string path = Path.Combine(analysis.Run.Directory, FileName);
        var md = new StringBuilder();
        md.AppendLine($"# Appendix: run on {analysis.Run.Label}").AppendLine();
        md.AppendLine($"Part of [the memo]({Link(path, memoPath)}): every table and figure of run `{analysis.Run.Manifest.RunId}`.").AppendLine();
        SetupSection.Write(md, analysis.Run, analysis.Cases.Count);
        PrecisionSection.Write(md, analysis, Statistics.DifferenceTest.Default);
        RestartsSection.Write(md, analysis.Run);

        md.AppendLine("### Overview").AppendLine();
        foreach (var f in figures.Where(f => f.Op is null))
            MemoWriter.Embed(md, f, analysis.Run.Directory);

        foreach (string op in analysis.Ops)
        {
            md.AppendLine($"### Operation `{op}`").AppendLine();
            CaseTables.Write(md, analysis.Cases.Where(c => c.Key.Op == op), analysis.Run.Manifest.Settings.Layout);
            foreach (var f in figures.Where(f => f.Op == op)) MemoWriter.Embed(md, f, analysis.Run.Directory);
        }
        if (analysis.Cases.Count == 0) md.AppendLine("No case finished in this run.").AppendLine();
        KnownBugsSection.Write(md, KnownBugRow.ReadIfPresent(analysis.Run.Directory));
        CoherenceSection.Write(md, CoherenceResult.Of(analysis.Run.Directory));
        File.WriteAllText(path, md.ToString());
        return path;
    }

    /// <summary>The link from a file in one folder to a file in another, relative, with forward slashes.</summary>
    public static string Link(string from, string to) =>
        Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(from))!, Path.GetFullPath(to)).Replace('\\', '/');
}
