using FsBench.Host.Study;
using FsBench.Protocol;

namespace FsBench.Host.Soak;

/// <summary>Known-bug results of a soak summed per condition (idle before the load, soak under it) and probe: knownbugs.csv's rows.</summary>
public sealed class KnownBugTally(string provider, string mount)
{
    private readonly Dictionary<(string Condition, string Probe), KnownBugResult> _sums = new();

    public void Add(string condition, IEnumerable<KnownBugResult> results)
    {
        foreach (var r in results)
        {
            var key = (condition, r.Name);
            if (!_sums.TryGetValue(key, out var sum)) _sums[key] = sum = new KnownBugResult { Name = r.Name, Expected = r.Expected };
            sum.Runs += r.Runs;
            sum.Deviations += r.Deviations;
            foreach (var (outcome, n) in r.Outcomes) sum.Outcomes[outcome] = sum.Outcomes.GetValueOrDefault(outcome) + n;
        }
    }

    public IEnumerable<KnownBugRow> Rows() =>
        _sums.OrderBy(kv => kv.Key.Condition == "idle" ? 0 : 1).ThenBy(kv => kv.Key.Probe, StringComparer.Ordinal)
            .Select(kv => KnownBugPass.Row(provider, mount, kv.Key.Condition, kv.Value));
}
