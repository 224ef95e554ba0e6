using System.Text;

namespace Analysis.Memo;

/// <summary>The known-bug reproducers of a run or soak (knownbugs.csv): per provider, mount, condition and probe.</summary>
public static class KnownBugsSection
{
    public static void Write(StringBuilder md, IReadOnlyList<KnownBugRow> rows, string heading = "### Known-bug reproducers")
    {
        if (rows.Count == 0) return;
        md.AppendLine(heading).AppendLine();
        md.AppendLine("Each reproducer of a reported virtio-fs defect runs in a fresh directory and is checked against the POSIX outcome; " +
                      "`idle` runs had nothing else running, `soak` runs ran beside the soak's load. A deviation is any other outcome.").AppendLine();
        var table = new MarkdownTable("provider", "mount", "condition", "probe", "runs", "deviations", "outcomes");
        foreach (var r in rows.OrderBy(r => Providers.Order(r.Provider)).ThenBy(r => r.Mount).ThenBy(r => r.Condition).ThenBy(r => r.Probe, StringComparer.Ordinal))
            table.Add(Format.Code(Providers.Label(r.Provider)), r.Mount, r.Condition, Format.Code(r.Probe), Format.Count(r.Runs),
                r.Deviations > 0 ? $"**{Format.Count(r.Deviations)}**" : "0", string.IsNullOrWhiteSpace(r.Outcomes) ? "as POSIX expects" : r.Outcomes);
        md.AppendLine(table.ToString());
        long deviating = rows.Where(r => r.Deviations > 0).Select(r => (r.Provider, r.Mount, r.Probe)).Distinct().Count();
        md.AppendLine(deviating == 0
            ? $"No reproducer deviated from POSIX in {Format.Count(rows.Sum(r => r.Runs))} runs."
            : $"{deviating} provider/mount/probe combination(s) deviated from POSIX (bold).").AppendLine();
    }
}
