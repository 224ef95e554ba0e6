using FsBench.Protocol;

namespace Analysis.Cases;

/// <summary>One workload on one provider and mount: its measured repetitions, against local's in the same run.</summary>
public sealed record WorkloadResult(
    string Workload, string Provider, string Mount, int Reps, long Calls, int Lanes,
    double MedianSeconds, double MinSeconds, double MaxSeconds, Estimate? PercentOfNative,
    long Failures, IReadOnlyDictionary<string, long> FailuresByErrno);

/// <summary>workloads.csv of a run (absent: the run replayed no workload), summarised per workload, provider and mount.</summary>
public static class WorkloadResults
{
    public static IReadOnlyList<WorkloadResult> Of(Run run)
    {
        var rows = WorkloadRow.ReadIfPresent(run.Directory);
        var results = new List<WorkloadResult>();
        foreach (var g in rows.GroupBy(r => (r.Workload, r.Provider, r.Mount))
                     .OrderBy(g => g.Key.Workload, StringComparer.Ordinal).ThenBy(g => Providers.Order(g.Key.Provider)).ThenBy(g => g.Key.Mount))
        {
            var seconds = g.Select(r => r.WallNs / 1e9).ToList();
            var local = rows.Where(r => r.Workload == g.Key.Workload && r.Provider == Providers.Local).Select(r => r.WallNs / 1e9).ToList();
            var errnos = new Dictionary<string, long>();
            foreach (var (k, v) in g.SelectMany(r => r.FailuresByErrno)) errnos[k] = errnos.GetValueOrDefault(k) + v;
            results.Add(new WorkloadResult(g.Key.Workload, g.Key.Provider, g.Key.Mount, g.Count(), g.First().Calls, g.First().Lanes,
                Medians.Of(seconds), seconds.Min(), seconds.Max(),
                Statistics.PercentOfNative.Of(seconds, local), g.Sum(r => r.Failures), errnos));
        }
        return results;
    }
}
