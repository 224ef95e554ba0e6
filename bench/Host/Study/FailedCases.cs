using BenchmarkDotNet.Reports;
using FsBench.Host.Benchmarks;

namespace FsBench.Host.Study;

/// <summary>
/// After BenchmarkDotNet: a case whose launch failed before it could write its own row (its set-up threw, its probe
/// died) still lands in summary.csv, with what its case file holds (the probe's batches up to the failure, or nothing),
/// <see cref="CaseStatus.Failed"/> and the reason: the probe channel's, else BenchmarkDotNet's.
/// </summary>
public static class FailedCases
{
    /// <returns>How many rows were added.</returns>
    public static int Record(RunFolder folder, IEnumerable<CaseKey> expected, IReadOnlyDictionary<CaseKey, string> reasons, string layout)
    {
        var have = folder.CasesWithRows();
        int added = 0;
        foreach (var key in expected.Where(k => !have.Contains(k)))
        {
            var c = folder.ReadCase(key) ?? new ProbeCase { Provider = key.Provider, Mount = key.Mount, Op = key.Op, Workers = key.Workers, Layout = layout };
            string reason = c.ChannelFailure is { } channel ? $"probe channel failed: {channel}"
                : reasons.GetValueOrDefault(key) ?? "BenchmarkDotNet did not run the case to its end";
            folder.AppendFinished(c, CaseStatus.Failed, reason);
            Console.WriteLine($"// fsbench: case {key} failed: {reason}; its row keeps the {c.Ops} operations measured before");
            added++;
        }
        return added;
    }

    /// <summary>Why BenchmarkDotNet says each failed case failed (the first failing launch of a case).</summary>
    public static Dictionary<CaseKey, string> Reasons(Summary summary)
    {
        var reasons = new Dictionary<CaseKey, string>();
        foreach (var report in summary.Reports.Where(r => !r.Success))
            reasons.TryAdd(KeyOf(report.BenchmarkCase), Reason(report));
        // one build serves every case: when it failed, that is the reason of the cases BenchmarkDotNet then reported nothing for
        if (summary.Reports.FirstOrDefault(r => !r.BuildResult.IsBuildSuccess) is { } failedBuild)
            foreach (var bc in summary.BenchmarksCases) reasons.TryAdd(KeyOf(bc), Reason(failedBuild));
        return reasons;
    }

    /// <summary>The line of a build's output that says what went wrong (an error, a timeout), else its last line.</summary>
    private static string Telling(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("timeout", StringComparison.OrdinalIgnoreCase))
               ?? lines.LastOrDefault() ?? "";
    }

    private static CaseKey KeyOf(BenchmarkDotNet.Running.BenchmarkCase bc) =>
        new(StudyEnvironment.ProviderOf(bc.Job), (string)bc.Parameters["Mount"], (string)bc.Parameters["Op"], (int)bc.Parameters["Workers"]);

    private static string Reason(BenchmarkReport r)
    {
        if (!r.BuildResult.IsBuildSuccess) return $"BenchmarkDotNet could not build the case: {Telling(r.BuildResult.ErrorMessage ?? "")}";
        var runs = r.ExecuteResults;
        string? error = runs.SelectMany(e => e.Errors).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))
                        ?? runs.SelectMany(e => e.StandardOutput).LastOrDefault(l => l.Contains("Exception", StringComparison.Ordinal));
        int? exit = runs.Select(e => e.ExitCode).LastOrDefault(c => c is not null and not 0);
        return $"BenchmarkDotNet's iteration failed{(exit is null ? "" : $" (exit code {exit})")}{(error is null ? "" : $": {error.Trim()}")}";
    }
}
