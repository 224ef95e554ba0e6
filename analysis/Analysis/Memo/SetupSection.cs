using System.Text;
using System.Text.Json;

namespace Analysis.Memo;

/// <summary>A run's setup from its manifest, with the warnings a reader needs before trusting absolute times.</summary>
public static class SetupSection
{
    public static void Write(StringBuilder md, Run run, int caseCount)
    {
        var m = run.Manifest;
        md.AppendLine("### Setup").AppendLine();
        md.AppendLine(StatusLine(m, caseCount)).AppendLine();
        var failed = run.Cases.Where(c => !c.IsOk).ToList();
        if (failed.Count > 0)
        {
            md.AppendLine($"**{failed.Count} case(s) whose benchmark failed** (their rows hold what the probe measured before the failure):");
            foreach (var c in failed) md.AppendLine($"- `{c.Key}`: {c.Status}, {Format.Count(c.Ops)} ops measured; {c.Reason}");
            md.AppendLine();
        }
        foreach (string warning in Warnings(m)) md.AppendLine($"> **Warning:** {warning}").AppendLine();

        var h = m.Host;
        md.AppendLine($"- Run `{m.RunId}`, profile `{Format.OrUnknown(m.Profile)}`, started {m.StartedUtc?.ToString("u") ?? "unknown"}, ended {m.EndedUtc?.ToString("u") ?? "not recorded"}");
        md.AppendLine($"- Host `{h.Hostname}`: {Format.OrUnknown(h.Os)}, kernel {Format.OrUnknown(h.Kernel)}, {Format.OrUnknown(h.Arch)}, {Format.OrUnknown(h.Cpu)}, {h.Cores?.ToString() ?? "?"} cores, {Format.Bytes(h.MemoryBytes)} memory");
        var v = m.Virtualization;
        md.AppendLine($"- Virtualization: host is a VM: {YesNo(v.HostIsVm)}; hardware virtualization available: {YesNo(v.HardwareVirt)}{(string.IsNullOrWhiteSpace(v.Notes) ? "" : $" ({v.Notes})")}");
        var s = m.Settings;
        md.AppendLine($"- Settings: batch size {s.BatchSize?.ToString() ?? "?"}, warmup {s.Warmup?.ToString() ?? "?"}{(s.WarmupBatchSize is { } w && w != s.BatchSize ? $" (of {w} ops)" : "")}, iterations {s.Iterations?.ToString() ?? "?"}, workers [{string.Join(", ", s.Workers)}], mounts [{string.Join(", ", s.Mounts)}], layout {Format.OrUnknown(s.Layout)}");
        if (s.ScratchFs is { } fs) md.AppendLine($"- Scratch (the shares and local's directory): `{Format.OrUnknown(s.ScratchDir)}` on {fs}");
        if (m.Tools.Count > 0) md.AppendLine($"- Tools: {Pairs(m.Tools)}");
        if (m.Git is { } g) md.AppendLine($"- Git: {Format.OrUnknown(g.Commit)}{(g.Dirty == true ? " (dirty)" : "")}");
        md.AppendLine();

        var providers = new MarkdownTable("provider", "available", "acceleration", "versions", "settings", "reason");
        foreach (var p in m.Providers)
            providers.Add(Format.Code(p.Name), p.Available ? "yes" : "**no**", Format.OrUnknown(p.Acceleration),
                Pairs(p.Versions), Pairs(p.Settings), p.Reason ?? "");
        if (providers.RowCount > 0) md.AppendLine(providers.ToString());
    }

    public static string StatusLine(BenchManifest m, int caseCount) => m.IsComplete
        ? $"**Status: complete** ({caseCount} cases)."
        : $"**Status: PARTIAL run** (manifest status \"{m.Status}\"): only the {caseCount} cases that finished are analysed.";

    public static IEnumerable<string> Warnings(BenchManifest m)
    {
        var emulated = m.Providers.Where(p => p.Acceleration == "tcg").Select(p => p.Name).ToList();
        if (emulated.Count > 0)
            yield return $"{string.Join(", ", emulated)} ran under software emulation (QEMU TCG). Absolute times mean little; " +
                         "read the ratios against `local` measured in the same run.";
        if (m.Virtualization.HostIsVm == true)
            yield return "the host is itself a virtual machine. Absolute times mean little; read the ratios against `local` measured in the same run.";
    }

    private static string YesNo(bool? b) => b switch { true => "yes", false => "no", null => "unknown" };

    private static string Pairs(Dictionary<string, JsonElement> values) =>
        values.Count == 0 ? "" : string.Join(", ", values.Select(kv => $"{kv.Key} {kv.Value}"));
}
