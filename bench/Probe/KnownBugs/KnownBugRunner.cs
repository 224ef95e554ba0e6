using FsBench.Probe.Session;
using FsBench.Protocol;

namespace FsBench.Probe.KnownBugs;

/// <summary>Runs known-bug probes N times each, every time in a fresh directory removed afterwards with all in it, and counts deviations by outcome.</summary>
public sealed class KnownBugRunner(ScratchRoot scratch)
{
    public KnownBugReply Run(ProbeRequest req)
    {
        var probes = req.Names is { Length: > 0 } names
            ? names.Select(n => KnownBugCatalog.Find(n) ?? throw new ProbeException($"unknown known-bug probe '{n}'")).ToList()
            : KnownBugCatalog.All.ToList();
        int runs = Math.Max(1, req.Count);
        string root = scratch.SessionDir(req.Dir);
        var results = new List<KnownBugResult>();
        foreach (var probe in probes)
        {
            var outcomes = new Dictionary<string, long>();
            int probeRuns = Math.Max(1, probe.RunsFor(runs));
            for (int i = 0; i < probeRuns; i++)
            {
                string dir = $"{root}/kb-{probe.Name}-{i}";
                string? deviation;
                // A call that fails where POSIX says it succeeds is this run's outcome, never the end of the pass.
                try
                {
                    Directory.CreateDirectory(dir);
                    deviation = probe.Check(dir);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    deviation = $"unexpected {e.GetType().Name}";
                }
                if (deviation is not null) outcomes[deviation] = outcomes.GetValueOrDefault(deviation) + 1;
                try { scratch.RemoveTree(dir); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the session's clean-up removes what is left */ }
            }
            results.Add(new KnownBugResult
            {
                Name = probe.Name, Expected = probe.Expected, Runs = probeRuns,
                Deviations = outcomes.Values.Sum(), Outcomes = outcomes,
            });
        }
        return new KnownBugReply { Results = results };
    }
}
