using System.Text;

namespace Analysis.Memo;

/// <summary>A run's provider restarts (<c>restarts.csv</c>): each is a mount failure of the runner's kind (the shared guest or its channel died).</summary>
public static class RestartsSection
{
    public const string Meaning =
        "A restart is the host restarting a provider's shared guest after its channel died: a mount failure of the kind the runner reports as `exit_code=4` / `mount_failure`.";

    public static void Write(StringBuilder md, Run run)
    {
        md.AppendLine("### Provider restarts").AppendLine();
        if (run.Restarts.Count == 0)
        {
            md.AppendLine("None (no `restarts.csv`).").AppendLine();
            return;
        }
        md.AppendLine($"{run.Restarts.Count} restart(s). {Meaning}").AppendLine();
        var table = new MarkdownTable("utc", "provider", "before case", "reason (first line)");
        foreach (var r in run.Restarts)
            table.Add(r.Utc, Format.Code(r.Provider), Format.Code(r.Case), r.ShortReason());
        md.AppendLine(table.ToString());
    }

    /// <summary>Restarts of <paramref name="provider"/> in <paramref name="run"/>.</summary>
    public static int Count(Run run, string provider) => run.Restarts.Count(r => r.Provider == provider);
}
