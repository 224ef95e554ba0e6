using System.Text;

namespace Analysis.Memo;

/// <summary>The trade-offs finding's GPU part: per provider, the GPU its guest sees and the workload's throughput beside its metadata speed and failures.</summary>
public static class GpuTradeOffSection
{
    public static void Write(StringBuilder md, IReadOnlyList<RunAnalysis> runs)
    {
        md.AppendLine("#### GPU").AppendLine();
        if (!GpuTradeOff.HasData(runs))
        {
            md.AppendLine($"GPU: {GpuTradeOff.NoData}.").AppendLine();
            return;
        }
        md.AppendLine("What each provider's guest sees of a GPU (`gpu/<provider>.json`: the first Vulkan device that is not a CPU rasterizer) " +
                      "and what the workload measured on it, beside the provider's metadata performance in the same run. " +
                      "Every number is measured by these runs; none is taken from published results.").AppendLine();
        var table = new MarkdownTable("run", "provider", "GPU", "workload (measured)", "metadata p50 vs local (geometric mean)", "failures / ops (95% CI)");
        foreach (var run in runs)
        foreach (var row in GpuTradeOff.Of(run))
            table.Add(run.Run.Label, Format.Code(row.Provider), row.Device, row.Workload,
                row.P50RatioVsLocal is { } r ? (row.Provider == RunFolder.Providers.Local ? "×1 (baseline)" : $"{Format.Ratio(r)} over {row.CasesVsLocal} cases") : "—",
                Format.Failures(row.Failures.Failures, row.Failures.Ops, row.Failures.Rate));
        md.AppendLine(table.ToString());
        foreach (var run in runs.Where(r => r.Run.Gpu.Count == 0))
            md.AppendLine($"- {run.Run.Label}: no GPU data (no `gpu/` folder).");
        md.AppendLine();
    }

    /// <summary>The runs' GPU trade-off figures, right after the table.</summary>
    public static void Embed(StringBuilder md, IEnumerable<Figure> figures, string memoDir)
    {
        foreach (var f in figures.Where(f => f.Kind == nameof(GpuTradeOffFigure)))
            MemoWriter.Embed(md, f, memoDir);
    }
}
