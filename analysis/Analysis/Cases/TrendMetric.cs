using Analysis.Figures;
using Analysis.RunFolder;

namespace Analysis.Cases;

/// <summary>A per-case value from <c>summary.csv</c> that <c>analysis trend</c> can follow across runs.</summary>
public sealed record TrendMetric(string Name, string Title, string AxisLabel, Func<SummaryRow, double> Value, Func<double, string> FormatTick, bool LogScale)
{
    public static readonly IReadOnlyList<TrendMetric> All =
    [
        new("p50", "median latency", "p50 latency", r => r.P50Ns ?? double.NaN, LogAxis.Time, true),
        new("p99", "p99 latency", "p99 latency", r => r.P99Ns ?? double.NaN, LogAxis.Time, true),
        new("p999", "p99.9 latency", "p99.9 latency", r => r.P999Ns ?? double.NaN, LogAxis.Time, true),
        new("mean", "mean latency", "mean latency", r => r.MeanNs ?? double.NaN, LogAxis.Time, true),
        new("ops_per_s", "throughput", "aggregate throughput (ops/s)", r => r.OpsPerS, LogAxis.Number, true),
        new("failure_rate", "failure rate", "failures / ops", r => r.Ops == 0 ? double.NaN : (double)r.Failures / r.Ops, v => v.ToString("0.####"), false),
    ];

    public static TrendMetric Parse(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new BadInputException("--metric", $"unknown metric '{name}' (known: {string.Join(", ", All.Select(m => m.Name))})");

    /// <summary>Formats a value of this metric for the trend summary.</summary>
    public string FormatValue(double v) => !double.IsFinite(v) ? "—" : FormatTick(v);
}
