using System.Text;
using Analysis.Cases;
using Analysis.Figures;
using Analysis.Statistics;

namespace Analysis.Memo;

/// <summary>Writes <c>memo.md</c>: the question, the findings, the mitigation table, then each run's setup, tables and figures.</summary>
public static class MemoWriter
{
    public static string Write(string path, IReadOnlyList<(RunAnalysis Analysis, IReadOnlyList<Figure> Figures)> runs, DifferenceTest test,
        IReadOnlyList<(RunFolder.SoakRun Soak, IReadOnlyList<Figure> Figures)>? soaks = null)
    {
        var md = new StringBuilder();
        string memoDir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var analyses = runs.Select(r => r.Analysis).ToList();

        md.AppendLine("# Podman on macOS: does `libkrun` fix the virtio-fs failures of `applehv`?").AppendLine();
        md.AppendLine("**Question.** Under sustained and concurrent I/O, and across host sleep/wake, Podman's `applehv` provider " +
                      "(Apple's virtio-fs server, via vfkit) now and then fails metadata operations on bind-mounted workspaces " +
                      "(FB16008360; the runner reports `exit_code=4` / `mount_failure`). Does the `libkrun` provider (krunkit, its own " +
                      "virtio-fs) remove that failure class, at what operational and performance cost, and which mitigations can go?").AppendLine();

        var overview = new MarkdownTable("run", "status", "host", "profile", "providers", "cases");
        foreach (var a in analyses)
        {
            var m = a.Run.Manifest;
            overview.Add(Format.Code(m.RunId), m.IsComplete ? "complete" : $"**PARTIAL** ({m.Status})", a.Run.Label,
                Format.OrUnknown(m.Profile), string.Join(", ", a.Providers), a.Cases.Count.ToString());
        }
        md.AppendLine(overview.ToString());
        foreach (var a in analyses)
        foreach (string warning in SetupSection.Warnings(a.Run.Manifest))
            md.AppendLine($"> **Warning ({a.Run.Label}):** {warning}").AppendLine();

        FindingsSection.Write(md, analyses);
        GpuTradeOffSection.Embed(md, runs.SelectMany(r => r.Figures), memoDir);
        MitigationsSection.Write(md, analyses);

        foreach (var (analysis, figures) in runs)
            WriteRun(md, analysis, figures, memoDir);
        foreach (var (soak, figures) in soaks ?? [])
            SoakSection.Write(md, soak, figures, memoDir);

        WriteMethod(md, test);
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static void WriteRun(StringBuilder md, RunAnalysis analysis, IReadOnlyList<Figure> figures, string memoDir)
    {
        md.AppendLine($"## Run on {analysis.Run.Label}").AppendLine();
        SetupSection.Write(md, analysis.Run, analysis.Cases.Count);
        RestartsSection.Write(md, analysis.Run);

        md.AppendLine("### Overview").AppendLine();
        foreach (var f in figures.Where(f => f.Kind is FigureKind.FailuresByErrno or FigureKind.OperationalCost or FigureKind.ThroughputVsLocal or FigureKind.SlowdownHeatmap))
            Embed(md, f, memoDir);

        foreach (string op in analysis.Ops)
        {
            md.AppendLine($"### Operation `{op}`").AppendLine();
            CaseTables.Write(md, analysis.Cases.Where(c => c.Key.Op == op), analysis.Run.Manifest.Settings.Layout);
            foreach (var f in figures.Where(f => f.Op == op)) Embed(md, f, memoDir);
        }
        if (analysis.Cases.Count == 0) md.AppendLine("No case finished in this run.").AppendLine();
        KnownBugsSection.Write(md, KnownBugRow.ReadIfPresent(analysis.Run.Directory));
    }

    public static void Embed(StringBuilder md, Figure figure, string memoDir)
    {
        string png = Path.GetRelativePath(memoDir, figure.PngPath).Replace('\\', '/');
        string svg = Path.ChangeExtension(png, ".svg");
        md.AppendLine($"![{figure.Title}]({png})  ").AppendLine($"*{figure.Title}* ([SVG]({svg}))").AppendLine();
    }

    private static void WriteMethod(StringBuilder md, DifferenceTest test)
    {
        md.AppendLine("## Method").AppendLine();
        md.AppendLine("- Latencies are of successful operations, measured inside the guest by the probe. Quantiles p50/p99/p99.9 are " +
                      "Harrell-Davis estimates over the probe's bounded uniform sample (`samples_ns`), with 95% Maritz-Jarrett intervals " +
                      "(Perfolizer); n is the sample size. ECDFs come from the probe's lossless HdrHistogram, thinned to at most " +
                      $"{Ecdf.MaxPoints} points per line.");
        md.AppendLine($"- Failure rates: {FailureRate.Method}.");
        md.AppendLine($"- Latency against local: {RatioEstimator.Method}. `local` is taken at the same op and worker count, on the same mount when it has one.");
        md.AppendLine($"- Verdict: {test.Description}; a difference smaller than the noise floor counts as the same (as in dotnet/performance's ResultsComparer).");
        md.AppendLine($"- Throughput is the run's aggregate ops/s (all workers); ratios to local are at the same worker count. Heatmaps use the histogram p50 from `summary.csv`.");
        md.AppendLine($"- Multimodality: mvalue (Perfolizer MValueCalculator) over log latencies; above {Modality.Threshold} the case is flagged.");
    }
}
