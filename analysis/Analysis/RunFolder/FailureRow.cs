using CsvHelper;

namespace Analysis.RunFolder;

/// <summary>One row of <c>failures.csv</c>: how often one case failed with one errno.</summary>
[CsvRecord]
public sealed partial class FailureRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    [CsvColumn("op")] public string Op { get; set; } = "";
    [CsvColumn("workers")] public int Workers { get; set; }
    [CsvColumn("errno")] public string Errno { get; set; } = "";
    [CsvColumn("count")] public long Count { get; set; }

    public CaseKey Key => new(Provider, Mount, Op, Workers);
}
