using System.Globalization;
using System.Text;
using Analysis.Cases;
using Analysis.RunFolder;

namespace Analysis.Memo;

/// <summary>
/// The cross-side coherence scenario (coherence.csv) in a run's appendix: one row per provider, mount and kind of change
/// with the staleness distribution; and the memo's one line when something no cache lifetime explains happened.
/// </summary>
public static class CoherenceSection
{
    public static void Write(StringBuilder md, IReadOnlyList<CoherenceResult> results)
    {
        if (results.Count == 0) return;
        md.AppendLine("### Cross-side coherence: how long the guest sees the old state").AppendLine();
        md.AppendLine("The guest stats and reads a file (its caches warm), the host changes it directly in the share, and the guest polls " +
                      "(stat, then open and read of the first bytes) until it shows the new state. Kinds: `rewrite` in place (same inode, new size), `rewrite-unread` (the same where the guest had only stat'ed the file: after a read, " +
                      "Linux's FUSE client asks the server at the next stat, so only this kind shows the attribute cache), " +
                      "`replace` (a new file renamed over it), `rename` (old name gone, new name there), `delete`, `create` (where the guest had just " +
                      $"found nothing). {CoherenceResult.Method}. A cache that keeps attributes for a set time (virtio-fs with cache=auto: 1 s) shows as " +
                      "staleness up to that time; not seen within the limit, a reversion after the new state, or an unexpected errno is what FB16008360's class looks like.").AppendLine();
        var table = new MarkdownTable("provider", "mount", "kind", "trials", "saw old state", "staleness p50", "p95", "max", "resolution", "not seen within limit", "reversions", "unexpected errnos");
        foreach (var r in results)
            table.Add(Format.Code(Providers.Label(r.Provider)), r.Mount, Format.Code(r.Kind), r.Trials.ToString(CultureInfo.InvariantCulture),
                $"{r.StaleTrials}/{r.Trials}", Ms(r.P50Ms), Ms(r.P95Ms), Ms(r.MaxMs), double.IsNaN(r.ResolutionMs) ? "—" : Ms(r.ResolutionMs),
                r.NotObserved > 0 ? $"**{r.NotObserved}** ({r.LimitMs / 1000.0:0.#} s)" : "0",
                r.Reverted > 0 ? $"**{r.Reverted}**" : "0",
                r.UnexpectedErrnos == 0 ? (r.Cold > 0 ? $"**{r.Cold} look(s) never saw the file**" : "none")
                    : "**" + string.Join(", ", r.Errnos.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {Format.Count(e.Value)}")) + "**");
        md.AppendLine(table.ToString());
    }

    /// <summary>The memo's one line: only when a provider showed something no cache lifetime explains; null otherwise.</summary>
    public static string? MemoLine(IReadOnlyList<CoherenceResult> results)
    {
        var odd = results.Where(r => r.Unexpected).ToList();
        if (odd.Count == 0) return null;
        return "**Cross-side coherence:** " + string.Join("; ", odd.Select(r =>
            $"`{Providers.Label(r.Provider)}`/{r.Mount} {r.Kind}: " + string.Join(", ", new[]
            {
                r.NotObserved > 0 ? $"{r.NotObserved}/{r.Trials} changes not seen within {r.LimitMs / 1000.0:0.#} s" : null,
                r.Reverted > 0 ? $"{r.Reverted} reversions" : null,
                r.UnexpectedErrnos > 0 ? string.Join(", ", r.Errnos.Select(e => $"{e.Key} {e.Value}")) : null,
                r.Cold > 0 ? $"{r.Cold} looks never saw the host's file" : null,
            }.Where(s => s is not null)))) + " (appendix: cross-side coherence).";
    }

    private static string Ms(double ms) => ms == 0 ? "0" : ms >= 100 ? $"{ms:0} ms" : ms >= 1 ? $"{ms:0.0} ms" : $"{ms * 1000:0} µs";
}
