using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>The errno breakdown of a case's failures, e.g. "EACCES:12 ENOENT:3", or "-" when none failed.</summary>
public sealed class ErrnoColumn(RunFolder folder) : IColumn
{
    public string Id => "Errnos";
    public string ColumnName => "Errnos";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Metric;
    public int PriorityInCategory => 10;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Failures by errno, as the probe classified them inside the guest";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var c = CaseFiles.Read(folder, benchmarkCase);
        if (c is null) return "?";
        var parts = c.Errnos.Where(e => e.Value > 0).OrderByDescending(e => e.Value).Select(e => $"{e.Key}:{e.Value}").ToList();
        if (c.ChannelFailure is not null) parts.Add("CHANNEL");
        return parts.Count == 0 ? "-" : string.Join(" ", parts);
    }
}
