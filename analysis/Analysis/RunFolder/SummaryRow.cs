using CsvHelper;

namespace Analysis.RunFolder;

/// <summary>One row of <c>summary.csv</c>: one finished case. Latencies are of successful operations, in ns.</summary>
[CsvRecord]
public sealed partial class SummaryRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    [CsvColumn("op")] public string Op { get; set; } = "";
    [CsvColumn("workers")] public int Workers { get; set; }
    [CsvColumn("ops")] public long Ops { get; set; }
    [CsvColumn("failures")] public long Failures { get; set; }
    [CsvColumn("p50_ns")] public double? P50Ns { get; set; }
    [CsvColumn("p99_ns")] public double? P99Ns { get; set; }
    [CsvColumn("ops_per_s")] public double OpsPerS { get; set; }
    [CsvColumn("p999_ns")] public double? P999Ns { get; set; }
    [CsvColumn("mean_ns")] public double? MeanNs { get; set; }
    [CsvColumn("layout")] public string Layout { get; set; } = "";

    public CaseKey Key => new(Provider, Mount, Op, Workers);
}
