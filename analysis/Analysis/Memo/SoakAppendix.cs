using System.Text;

namespace Analysis.Memo;

/// <summary><c>appendix.md</c> in a soak folder: its settings, failures by class, recoveries, host processes, known bugs and figures.</summary>
public static class SoakAppendix
{
    public static string Write(SoakRun soak, IReadOnlyList<Figure> figures, string memoPath)
    {
        string path = Path.Combine(soak.Directory, RunAppendix.FileName);
        var md = new StringBuilder();
        md.AppendLine($"# Appendix: soak on {soak.Label}").AppendLine();
        md.AppendLine($"Part of [the memo]({RunAppendix.Link(path, memoPath)}).").AppendLine();
        SoakSection.Write(md, soak, figures, soak.Directory);
        File.WriteAllText(path, md.ToString());
        return path;
    }
}
