using System.Text;

namespace Analysis.Memo;

/// <summary>
/// The trade-offs finding's workload part: real tools' traces replayed in each provider's guest, as a percentage of
/// native (local in the same run), with time to completion and the calls that failed unlike on the host, by errno.
/// </summary>
public static class WorkloadsSection
{
    public static void Write(StringBuilder md, IReadOnlyList<RunAnalysis> runs, IEnumerable<Figure> headlines)
    {
        md.AppendLine("## Workloads: real tools as a percentage of native").AppendLine();
        var all = runs.Select(r => (Run: r, Results: WorkloadResults.Of(r.Run))).Where(x => x.Results.Count > 0).ToList();
        if (all.Count == 0)
        {
            md.AppendLine("No run replayed a workload (`--workloads`).").AppendLine();
            return;
        }
        md.AppendLine("Traces of real tools recorded with strace on a Linux host (`bench/workloads`), replayed by the probe in each " +
                      "provider's guest with their recorded concurrency. % of native: " + PercentOfNative.Method + ". " +
                      "Failures: calls whose outcome differed from the host recording, by the errno the replay got (`OK`: " +
                      "succeeded where the tool had failed). Under emulation (TCG) only the ratios to local mean something.").AppendLine();
        var table = new MarkdownTable("run", "workload", "provider", "mount", "calls (workers)", "reps", "time to completion, median [min, max]", "% of native [95% CI]", "failures by errno");
        foreach (var (run, results) in all)
        foreach (var r in results)
            table.Add(run.Run.Label, Format.Code(r.Workload), Format.Code(r.Provider), r.Mount, $"{Format.Count(r.Calls)} ({r.Lanes})", r.Reps.ToString(),
                $"{Seconds(r.MedianSeconds)} [{Seconds(r.MinSeconds)}, {Seconds(r.MaxSeconds)}]",
                r.Provider == RunFolder.Providers.Local ? "100% (baseline)"
                    : r.PercentOfNative is { } p ? $"{Pct(p.Value)} [{Pct(p.Lower)}, {Pct(p.Upper)}]" : "— (no local baseline)",
                r.Failures == 0 ? "0" : string.Join(", ", r.FailuresByErrno.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {Format.Count(e.Value)}")));
        md.AppendLine(table.ToString());
        if (headlines.Any(f => f.Kind == nameof(WorkloadsVsNativeFigure)))
            md.AppendLine("Its figure is among the headline figures above.").AppendLine();
    }

    private static string Seconds(double s) => s >= 10 ? $"{s:0.0} s" : s >= 1 ? $"{s:0.00} s" : $"{s * 1000:0.#} ms";
    private static string Pct(double p) => p >= 10 ? $"{p:0}%" : $"{p:0.#}%";
}
