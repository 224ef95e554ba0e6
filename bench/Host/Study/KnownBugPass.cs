using FsBench.Host.Channel;
using FsBench.Host.Providers;

namespace FsBench.Host.Study;

/// <summary>
/// Runs the probe's known-bug reproducers N times on every provider and mount of a run, with no other
/// load ("idle"), and appends each probe's deviations from POSIX to knownbugs.csv.
/// </summary>
public static class KnownBugPass
{
    public static async Task RunAsync(RunFolder folder, IReadOnlyList<IProvider> providers, string[] mounts, ProviderContext ctx, int runs, CancellationToken ct)
    {
        string path = folder.Layout.KnownBugs;
        if (!File.Exists(path)) RunFormatCsv.CreateEmpty<KnownBugRow>(path);
        foreach (var p in providers)
        foreach (var mount in mounts.Where(p.Mounts.Contains))
        {
            try
            {
                await using var session = await p.OpenSessionAsync(ctx, mount, ct);
                var results = await session.KnownBugsEachAsync(runs, done => RunFormatCsv.Append(path, done.Select(r => Row(p.Name, mount, "idle", r))), ct);
                await session.CleanupAsync(ct: ct);
                long deviations = results.Sum(r => r.Deviations);
                Console.WriteLine($"fsbench: known bugs on {p.Name}/{mount}: {deviations} deviation(s) in {results.Count} probes x {runs} runs");
            }
            catch (ProbeChannelException e)
            {
                Console.WriteLine($"fsbench: known bugs on {p.Name}/{mount} not run: {e.Message}");
            }
        }
    }

    public static KnownBugRow Row(string provider, string mount, string condition, Protocol.KnownBugResult r) => new()
    {
        Provider = provider, Mount = mount, Condition = condition, Probe = r.Name, Runs = r.Runs, Deviations = r.Deviations,
        Outcomes = KnownBugRow.FormatOutcomes(r.Outcomes),
    };
}
