using System.Globalization;
using System.Text;

namespace Analysis.Memo;

/// <summary>One soak in the memo: what ran, the failure classes per hour (with bounds), recovery times, host processes, known bugs, figures.</summary>
public static class SoakSection
{
    private static readonly string[] ClassOrder = ["mount_failure", "semantic_deviation", "operation_error", "stall"];

    public static void Write(StringBuilder md, SoakRun soak, IReadOnlyList<Figure> figures, string memoDir)
    {
        var m = soak.Manifest;
        var s = m.Settings;
        var c = soak.Classes;
        md.AppendLine($"## Soak on {soak.Label}").AppendLine();
        md.AppendLine(m.IsComplete
            ? $"**Status: complete** ({Duration(c.ExposureSeconds)} of load, {Format.Count(c.Ops)} ops)."
            : $"**Status: PARTIAL soak** (manifest status \"{m.Status}\"{(m.EndReason is null ? "" : $": {m.EndReason}")}); everything up to the end is analysed ({Duration(c.ExposureSeconds)} of load, {Format.Count(c.Ops)} ops).");
        md.AppendLine();
        md.AppendLine($"- Run `{m.RunId}`, started {m.StartedUtc?.ToString("u") ?? "?"}; host `{m.Host.Hostname}` ({Format.OrUnknown(m.Host.Os)}, kernel {Format.OrUnknown(m.Host.Kernel)}, {m.Host.Cores?.ToString() ?? "?"} cores)");
        md.AppendLine($"- Load: `{Providers.Label(s.Provider)}` / {s.Mount}, {s.Workers} workers, " +
                      (s.Loop == "open" ? $"open loop at {Units.Significant(s.RatePerS ?? 0)} ops/s (latency from each op's intended start)" : "closed loop") +
                      $", windows of {s.WindowMs:0} ms, stall threshold {s.StallThresholdMs:0} ms, planned {Duration(s.DurationS)}");
        md.AppendLine($"- Mix: {string.Join(", ", s.Mix.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"))}");
        md.AppendLine($"- Faults: {(string.IsNullOrWhiteSpace(s.Faults) ? "none" : Format.Code(s.Faults))}");
        foreach (var p in m.Providers)
            md.AppendLine($"- Provider `{p.Name}`: acceleration {Format.OrUnknown(p.Acceleration)}; versions {string.Join(", ", p.Versions.Select(v => $"{v.Key} {v.Value}"))}");
        foreach (var n in m.FaultsNotApplied.Count > 0 ? m.FaultsNotApplied : c.FaultsNotApplied)
            md.AppendLine($"- **Not applied:** `{n.Fault}`: {n.Reason}");
        md.AppendLine();

        md.AppendLine("### Failures by class").AppendLine();
        var table = new MarkdownTable("class", "count", "per hour", "95% upper bound per hour", "detail");
        foreach (string name in ClassOrder)
        {
            var k = c.Classes.GetValueOrDefault(name) ?? new SoakClassCount();
            table.Add(name, Format.Count(k.Count), k.Count > 0 ? Units.Significant(k.PerHour) : "0",
                k.Count == 0 && k.Upper95PerHour is { } u ? $"≤ {Units.Significant(u)}" : "—",
                string.Join(", ", k.Detail.Where(d => d.Value > 0).Select(d => $"{d.Key} {Format.Count(d.Value)}")));
        }
        md.AppendLine(table.ToString());
        foreach (var f in c.DuringFaults)
            md.AppendLine($"- During `{f.Fault}` (the fault's, not the provider's; not in the table): {Format.Count(f.MountFailures)} mount failure(s), " +
                          $"{Format.Count(f.OperationErrors)} failed op(s){(f.Errnos.Count > 0 ? $" ({string.Join(", ", f.Errnos.Select(e => $"{e.Key} {e.Value}"))})" : "")}, " +
                          $"{Format.Count(f.Stalls)} stall(s) ({Format.Count(f.StalledOps)} stalled ops)");
        if (c.DuringFaults.Count > 0) md.AppendLine();
        md.AppendLine($"Exposure {Units.Significant(c.ExposureHours)} h. A zero count's bound is the Poisson 95% upper limit 3.0 / exposure hours. " +
                      $"Classification (each failure in exactly one class, first rule that matches): {c.Rule}").AppendLine();

        md.AppendLine("### Recovery after each fault").AppendLine();
        if (c.Recoveries.Count == 0) md.AppendLine("No fault was applied.").AppendLine();
        else
        {
            var rec = new MarkdownTable("fault", "applied at", "lifted at", "recovery", "pre-fault ops/s");
            foreach (var r in c.Recoveries)
                rec.Add(Format.Code(r.Fault), Seconds(r.StartS), r.Kind == "kill" ? "—" : r.EndS is { } e ? Seconds(e) : "still applied",
                    r.RecoveryS is { } x ? $"{Units.Significant(x, 2)} s" : $"**{r.Note}**", r.BaselineOpsPerS is { } b ? Units.Significant(b) : "—");
            md.AppendLine(rec.ToString());
            md.AppendLine("Recovery: from lifting the fault (a kill: from the kill) to the end of the first window that started after it with no failure " +
                          "of any class and at least 90% of the pre-fault rate of successful ops; `never` if none came before the run ended.").AppendLine();
        }

        md.AppendLine("### Host processes").AppendLine();
        if (soak.Vmm.Count == 0) md.AppendLine("No host process was sampled for this provider.").AppendLine();
        else
        {
            var procs = new MarkdownTable("process", "samples", "open fds first → last (max)", "fd growth per hour", "RSS max", "CPU mean");
            foreach (var g in soak.Vmm.GroupBy(r => r.Role).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var perSecond = g.GroupBy(r => Math.Round(r.TS)).OrderBy(x => x.Key).Select(x => (T: x.Key, Fds: x.Sum(r => r.OpenFds), Rss: x.Sum(r => r.RssKiB), Cpu: x.Sum(r => r.CpuPercent))).ToList();
                double hours = (perSecond[^1].T - perSecond[0].T) / 3600;
                procs.Add(g.Key, Format.Count(perSecond.Count), $"{perSecond[0].Fds} → {perSecond[^1].Fds} ({perSecond.Max(x => x.Fds)})",
                    hours > 0 ? Units.Significant((perSecond[^1].Fds - perSecond[0].Fds) / hours) : "—",
                    $"{perSecond.Max(x => x.Rss) / 1024.0:0} MiB", $"{perSecond.Average(x => x.Cpu).ToString("0.#", CultureInfo.InvariantCulture)}%");
            }
            md.AppendLine(procs.ToString());
        }

        KnownBugsSection.Write(md, soak.KnownBugs);
        foreach (var f in figures) MemoWriter.Embed(md, f, memoDir);
    }

    private static string Seconds(double s) => $"{s.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private static string Duration(double seconds) =>
        seconds >= 3600 ? $"{Units.Significant(seconds / 3600)} h" : seconds >= 120 ? $"{Units.Significant(seconds / 60)} min" : $"{Units.Significant(seconds)} s";
}
