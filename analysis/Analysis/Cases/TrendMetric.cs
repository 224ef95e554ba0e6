
namespace Analysis.Cases;

/// <summary>A per-case value from <c>summary.csv</c> that <c>analysis trend</c> can follow across runs.</summary>
public sealed record TrendMetric(string Name, string Title, string AxisLabel, Func<SummaryRow, double> Value, bool IsTime, bool LogScale)
{
    public static readonly IReadOnlyList<TrendMetric> All =
    [
        new("p50", "median latency", "p50 latency", r => r.P50Ns ?? double.NaN, IsTime: true, LogScale: true),
        new("p99", "p99 latency", "p99 latency", r => r.P99Ns ?? double.NaN, IsTime: true, LogScale: true),
        new("p999", "p99.9 latency", "p99.9 latency", r => r.P999Ns ?? double.NaN, IsTime: true, LogScale: true),
        new("mean", "mean latency", "mean latency", r => r.MeanNs ?? double.NaN, IsTime: true, LogScale: true),
        new("ops_per_s", "throughput", "aggregate throughput (ops/s)", r => r.OpsPerS, IsTime: false, LogScale: true),
        new("failure_rate", "failure rate", "failures / ops", r => r.Ops == 0 ? double.NaN : (double)r.Failures / r.Ops, IsTime: false, LogScale: false),
    ];

    public static TrendMetric Parse(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new BadInputException("--metric", $"unknown metric '{name}' (known: {string.Join(", ", All.Select(m => m.Name))})");

    /// <summary>Three significant digits, with a time unit for latencies.</summary>
    public string FormatValue(double v) => IsTime ? Units.Time(v) : Units.Significant(v);

    /// <summary>Axis tick labels: two significant digits.</summary>
    public string FormatTick(double v) => IsTime ? LogAxis.Time(v) : LogAxis.Number(v);
}
