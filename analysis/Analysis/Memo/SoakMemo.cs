using System.Text;
using Analysis.Figures;
using Analysis.RunFolder;

namespace Analysis.Memo;

/// <summary><c>memo.md</c> for soak folders alone (no benchmark run given): the reliability question, then each soak.</summary>
public static class SoakMemo
{
    public static string Write(string path, IReadOnlyList<(SoakRun Soak, IReadOnlyList<Figure> Figures)> soaks)
    {
        var md = new StringBuilder();
        string memoDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        md.AppendLine("# Soak: does the shared filesystem survive sustained agent I/O and faults?").AppendLine();
        md.AppendLine("**Question.** Under a long agent-like load (small writes, save-by-rename, stat, getxattr, mkdir -p, readdir, unlink, " +
                      "git-style hard links), with the VM paused and the file server stalled or killed, which failures happen, how often per hour, " +
                      "and how long does the share take to recover?").AppendLine();
        var overview = new MarkdownTable("soak", "status", "provider / mount", "load", "mount failures", "operation errors", "stalls", "semantic deviations");
        foreach (var (soak, _) in soaks)
        {
            var c = soak.Classes.Classes;
            string Count(string name) => c.TryGetValue(name, out var k) ? Format.Count(k.Count) : "?";
            overview.Add(Format.Code(soak.Manifest.RunId), soak.Manifest.IsComplete ? "complete" : $"**PARTIAL** ({soak.Manifest.EndReason ?? soak.Manifest.Status})",
                $"`{soak.Manifest.Settings.Provider}` / {soak.Manifest.Settings.Mount}", $"{Units.Significant(soak.Classes.ExposureHours)} h, {Format.Count(soak.Classes.Ops)} ops",
                Count("mount_failure"), Count("operation_error"), Count("stall"), Count("semantic_deviation"));
        }
        md.AppendLine(overview.ToString());
        foreach (var (soak, figures) in soaks) SoakSection.Write(md, soak, figures, memoDir);
        File.WriteAllText(path, md.ToString());
        return path;
    }
}
