using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// Turns what the probe measured inside the guest (the case file the child wrote) into summary metrics:
/// failures, failure rate and the in-guest p50/p99/p99.9. Runs in the host process.
/// </summary>
public sealed class ProbeDiagnoser(RunFolder folder) : HostDiagnoser("FsProbe")
{
    public override IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        var c = CaseFiles.Read(folder, results.BenchmarkCase);
        if (c is null) yield break;
        yield return new Metric(ProbeMetric.Failures, c.Failures);
        yield return new Metric(ProbeMetric.FailureRate, c.Ops > 0 ? (double)c.Failures / c.Ops : 0);
        yield return new Metric(ProbeMetric.P50, c.P50Ns);
        yield return new Metric(ProbeMetric.P99, c.P99Ns);
        yield return new Metric(ProbeMetric.P999, c.P999Ns);
    }
}

/// <summary>The probe's metrics as BenchmarkDotNet columns.</summary>
public sealed class ProbeMetric(string id, string name, string legend, UnitType unit, string format, int priority) : IMetricDescriptor
{
    public static readonly ProbeMetric Failures = new("Failures", "Failures", "Operations that failed (any errno)", UnitType.Dimensionless, "0", 0);
    public static readonly ProbeMetric FailureRate = new("FailRate", "Fail/op", "Failed operations per operation", UnitType.Dimensionless, "0.####", 1);
    public static readonly ProbeMetric P50 = new("GuestP50", "Guest p50", "Median in-guest latency of one operation", UnitType.Time, "N1", 2);
    public static readonly ProbeMetric P99 = new("GuestP99", "Guest p99", "99th percentile in-guest latency", UnitType.Time, "N1", 3);
    public static readonly ProbeMetric P999 = new("GuestP999", "Guest p99.9", "99.9th percentile in-guest latency", UnitType.Time, "N1", 4);

    public string Id => id;
    public string DisplayName => name;
    public string Legend => legend;
    public string NumberFormat => format;
    public UnitType UnitType => unit;
    public string Unit => unit == UnitType.Time ? "ns" : "";
    public bool TheGreaterTheBetter => false;
    public int PriorityInCategory => priority;
    public bool GetIsAvailable(Metric metric) => true;
}

/// <summary>Finds the case file of a BenchmarkDotNet case (cached: the columns ask many times).</summary>
public static class CaseFiles
{
    private static readonly Dictionary<string, ProbeCase?> Cache = new();

    public static CaseKey KeyOf(BenchmarkCase bc) => new(
        StudyEnvironment.ProviderOf(bc.Job),
        (string)bc.Parameters["Mount"],
        (string)bc.Parameters["Op"],
        (int)bc.Parameters["Workers"]);

    public static ProbeCase? Read(RunFolder folder, BenchmarkCase bc)
    {
        // Each repetition's launch extends the case file: cache per repetition, not per case.
        string path = folder.CasePath(KeyOf(bc)) + "#" + StudyEnvironment.RepetitionOf(bc.Job);
        lock (Cache)
        {
            if (!Cache.TryGetValue(path, out var c) || c is null) Cache[path] = c = folder.ReadCase(KeyOf(bc));
            return c;
        }
    }
}
