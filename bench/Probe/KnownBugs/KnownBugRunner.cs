using FsBench.Probe.Libc;
using FsBench.Probe.Session;
using FsBench.Protocol;

namespace FsBench.Probe.KnownBugs;

/// <summary>
/// Runs known-bug probes N times each, every time in a fresh directory removed afterwards with all in it, and counts
/// deviations by outcome. Each pass of a session names its directories anew (<see cref="DirName"/>), so a directory a
/// failed removal left (a fault model's post-freeze window fails opens for seconds) is never a later run's set-up.
/// </summary>
public sealed class KnownBugRunner(ScratchRoot scratch)
{
    /// <summary>How long a run's removal is retried while its directory stays (longer than a post-freeze window).</summary>
    public static readonly TimeSpan RemovalPatience = TimeSpan.FromSeconds(8);

    private int _passes;

    /// <summary>Run <paramref name="run"/> of <paramref name="probe"/> in the session's pass <paramref name="pass"/>: kb-NAME-PASS.RUN.</summary>
    public static string DirName(string probe, int pass, int run) => $"{KnownBugDirs.Run}{probe}-{pass}.{run}";

    public KnownBugReply Run(ProbeRequest req)
    {
        int pass = _passes++;
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
                string dir = $"{root}/{DirName(probe.Name, pass, i)}";
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
                Remove(dir);
            }
            results.Add(new KnownBugResult
            {
                Name = probe.Name, Expected = probe.Expected, Runs = probeRuns,
                Deviations = outcomes.Values.Sum(), Outcomes = outcomes,
            });
        }
        return new KnownBugReply { Results = results };
    }

    /// <summary>
    /// Removes a run's directory once its check is over: renamed first (<see cref="KnownBugDirs.Removal"/>, so what a fault
    /// model injects into the removal is logged as clean-up), then removed, retrying while it stays; what still stays then
    /// goes with the session's clean-up.
    /// </summary>
    private void Remove(string dir)
    {
        if (!Directory.Exists(dir)) return;
        string removing = Path.Combine(Path.GetDirectoryName(dir)!, KnownBugDirs.Removal + Path.GetFileName(dir)[KnownBugDirs.Run.Length..]);
        if (Native.Rename(dir, removing) == 0) dir = removing;
        var until = DateTime.UtcNow + RemovalPatience;
        while (true)
        {
            try { scratch.RemoveTree(dir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            if (!Directory.Exists(dir) || DateTime.UtcNow >= until) return;
            Thread.Sleep(250);
        }
    }
}
