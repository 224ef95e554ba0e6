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
                Directory.CreateDirectory(dir);
                string? deviation = probe.Check(dir);
                if (deviation is not null) outcomes[deviation] = outcomes.GetValueOrDefault(deviation) + 1;
                scratch.RemoveTree(dir);
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
