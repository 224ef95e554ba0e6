using System.Globalization;

namespace Analysis.Cases;

/// <summary>
/// The GPU trade-off of a run, per provider: what <c>gpu/&lt;provider&gt;.json</c> says the guest sees and what the
/// workload measured on it, beside the provider's metadata performance (geometric mean p50 ratio against local over
/// the run's cases) and failure rate. Only numbers the run measured: nothing published is filled in.
/// </summary>
public static class GpuTradeOff
{
    public const string NoData =
        "**not enough evidence**: no GPU data; `./run-bench.sh gpu --provider libkrun --out <run>` on a Mac gives it";

    /// <summary>One provider of one run. <see cref="Report"/> is null when the run did not probe its GPU.</summary>
    public sealed record Row(string Provider, GpuReport? Report, double? P50RatioVsLocal, int CasesVsLocal, FailureEvidence Failures)
    {
        public bool HasGpu => Report?.Gpu is not null;

        public string Device => Report is null ? "not probed"
            : Report.Gpu is { } d ? $"{d.Name} ({Or(d.Driver, "driver?")}, Vulkan {Or(d.ApiVersion, "?")})"
            : "none" + (Report.VulkanDevices.Count > 0 ? $" (only {string.Join(", ", Report.VulkanDevices.Select(v => v.Name))}, CPU)"
                : Report.VulkanNote is { Length: > 0 } n ? $" ({OneLine(n)})"
                : Report.RenderNodeNote is { Length: > 0 } r ? $" ({OneLine(r)})" : "");

        public string Workload
        {
            get
            {
                if (Report is null) return "—";
                if (Report.WorkloadResults.Count > 0)
                    return string.Join(", ", Report.WorkloadResults.Select(r =>
                        $"{r.Test} {Tps(r.TokensPerSecond)} ± {Tps(r.StdDev)} t/s" + (r.Backend.Length > 0 ? $" ({r.Backend})" : ""))) +
                        (HasGpu ? "" : " — on the CPU, no GPU");
                if (string.IsNullOrEmpty(Report.Workload)) return "no workload run";
                return $"{Report.Workload}: no result" + (Report.WorkloadExitCode is { } code ? $" (exit {code})" : "") +
                       (Report.WorkloadNote is { Length: > 0 } note ? $": {OneLine(note)}" : "");
            }
        }

        /// <summary>The throughput of <paramref name="test"/> on a GPU, or 0 without a GPU or without that result.</summary>
        public double GpuTokensPerSecond(string? test) =>
            HasGpu && test is not null ? Report!.WorkloadResults.Where(r => r.Test == test).Select(r => r.TokensPerSecond).DefaultIfEmpty(0).Max() : 0;
    }

    public static bool HasData(IEnumerable<RunAnalysis> runs) => runs.Any(r => r.Run.Gpu.Count > 0);

    /// <summary>Every provider of a run with GPU data: probed ones and the ones that only ran metadata cases.</summary>
    public static IReadOnlyList<Row> Of(RunAnalysis run)
    {
        if (run.Run.Gpu.Count == 0) return [];
        var providers = run.Providers.Concat(run.Run.Gpu.Select(g => g.Provider)).Distinct()
            .OrderBy(Providers.Order).ThenBy(p => p, StringComparer.Ordinal);
        return providers.Select(p =>
        {
            var ratios = run.Cases.Where(c => c.Key.Provider == p && c.VsLocal is not null)
                .Select(c => c.VsLocal!.P50Ratio).Where(r => r > 0 && double.IsFinite(r)).ToList();
            double? ratio = p == Providers.Local && run.Has(p) ? 1 : ratios.Count > 0 ? GeometricMean(ratios) : null;
            return new Row(p, run.Run.Gpu.FirstOrDefault(g => g.Provider == p), ratio, ratios.Count, FailureEvidence.Of([run], p, _ => true));
        }).ToList();
    }

    /// <summary>The workload test the figure plots: the most common generation test (tg…), else the most common test.</summary>
    public static string? HeadlineTest(IEnumerable<GpuReport> reports)
    {
        var tests = reports.SelectMany(r => r.WorkloadResults.Select(w => w.Test)).Where(t => t.Length > 0).ToList();
        var ranked = tests.GroupBy(t => t).OrderByDescending(g => g.Key.StartsWith("tg", StringComparison.Ordinal))
            .ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        return ranked.FirstOrDefault()?.Key;
    }

    public static double GeometricMean(IReadOnlyList<double> values) => Math.Exp(values.Average(Math.Log));

    public static string Tps(double v) => v.ToString(v >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Or(string s, string fallback) => string.IsNullOrWhiteSpace(s) ? fallback : s;

    private static string OneLine(string s)
    {
        string line = s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= 100 ? line : line[..99] + "…";
    }
}
