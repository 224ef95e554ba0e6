using System.Text;

namespace Analysis.Memo;

/// <summary>One table per op: every provider, mount and worker count, with the statistics of the memo.</summary>
public static class CaseTables
{
    public static void Write(StringBuilder md, IEnumerable<CaseResult> cases, string? runLayout)
    {
        var table = new MarkdownTable("provider", "mount", "workers", "failures / ops", "p50 [95% CI]", "p99 [95% CI]",
            "p99.9 [95% CI]", "throughput", "latency vs local (ratio [95% CI])", "next run's ratio [95% PI]", "verdict vs local", "notes");
        foreach (var c in cases)
        {
            var l = c.Latency;
            table.Add(Format.Code(Providers.Label(c.Key.Provider)), c.Key.Mount, c.Key.Workers.ToString(),
                Format.Failures(c.Summary.Failures, c.Summary.Ops, c.FailureRate),
                l is null ? "—" : Format.Time(l.P50), l is null ? "—" : Format.Time(l.P99), l is null ? "—" : Format.Time(l.P999),
                Format.Throughput(c.Summary.OpsPerS),
                c.VsLocal is { } v ? Format.Ratio(v.LatencyRatio) : c.Key.Provider == RunFolder.Providers.Local ? "baseline" : "no local case",
                c.VsLocal?.Launch?.NextRun is { } next ? Format.Ratio(next) : "—",
                c.VsLocal is { } w ? Format.Verdict(w.Verdict) : "—",
                Notes(c, runLayout));
        }
        md.AppendLine(table.ToString());
    }

    private static string Notes(CaseResult c, string? runLayout)
    {
        var notes = new List<string>();
        if (!c.Summary.IsOk) notes.Add($"**benchmark {c.Summary.Status}**: {c.Summary.Reason} (what was measured before)");
        if (c.ProbeMissing) notes.Add("probe file missing (unfinished run)");
        else if (c.Latency is null) notes.Add("fewer than 2 latency samples");
        else
        {
            notes.Add($"n={c.Latency.SampleSize}");
            if (c.Latency.IsMultimodal) notes.Add($"**multimodal?** (mvalue {c.Latency.MValue:0.0})");
        }
        if (c.Errnos.Count > 0) notes.Add(string.Join(", ", c.Errnos.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value:N0}")));
        if (c.VsLocal is { } v && v.Baseline.Mount != c.Key.Mount) notes.Add($"local baseline on {v.Baseline.Mount}");
        if (!string.IsNullOrEmpty(c.Summary.Layout) && c.Summary.Layout != runLayout) notes.Add($"layout {c.Summary.Layout}");
        return string.Join("; ", notes);
    }
}
