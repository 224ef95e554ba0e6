using System.Diagnostics;
using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Protocol;

namespace FsBench.Host.Coherence;

/// <summary>
/// The cross-side coherence scenario (issue 12, FB16008360's class): per round, the host writes one fresh file per kind
/// directly in the share, the guest looks at them (stat and read, polled until it shows that state: its caches are then
/// warm), the host changes them (rewrite, replace, rename, delete, create) and at once asks the guest to poll until each
/// shows the new state. A row of coherence.csv per trial, appended after each round: how long the guest still showed
/// another state, how many polls did, and every unexpected errno. Runs on every mount whose directory the host can reach.
/// </summary>
public static class CoherencePass
{
    /// <summary>Above libkrun's 5 s attribute timeout (domain-evidence.md), so a cached attribute expires within it.</summary>
    public const int DefaultLimitMs = 10_000;

    public static async Task RunAsync(string csv, IReadOnlyList<IProvider> providers, IEnumerable<string> mounts, ProviderContext ctx,
        int trials, int limitMs, CancellationToken ct)
    {
        if (trials <= 0) return;
        if (!File.Exists(csv)) RunFormatCsv.CreateEmpty<CoherenceRow>(csv);
        foreach (var p in providers)
        foreach (var mount in mounts.Where(p.Mounts.Contains))
        {
            if (p.HostShareDir(ctx, mount) is null)
            {
                Console.WriteLine($"fsbench: coherence on {p.Name}/{mount} not run: the host cannot reach that mount's directory (only a bind share)");
                continue;
            }
            try
            {
                var rows = await RunOneAsync(p, mount, ctx, trials, limitMs, csv, ct);
                Console.WriteLine($"fsbench: coherence on {p.Name}/{mount}: {Summary(rows)}");
            }
            catch (Exception e) when (e is ProbeChannelException or IOException or UnauthorizedAccessException)
            {
                Console.WriteLine($"fsbench: coherence on {p.Name}/{mount} stopped (the rounds before stay in {Path.GetFileName(csv)}): {e.Message}");
            }
        }
    }

    /// <summary>
    /// <paramref name="trials"/> rounds of every kind on one provider and mount (its host directory must be reachable);
    /// rows are appended to <paramref name="csv"/> after each round when given. The host's own directory is removed at the end.
    /// </summary>
    public static async Task<List<CoherenceRow>> RunOneAsync(IProvider p, string mount, ProviderContext ctx, int trials, int limitMs,
        string? csv, CancellationToken ct, int intervalMs = 1, int confirmPolls = 3)
    {
        string share = p.HostShareDir(ctx, mount) ?? throw new InvalidOperationException($"{p.Name}/{mount} has no host directory");
        string name = $"coherence-{Environment.ProcessId}-{Random.Shared.Next(0x10000, 0xfffff):x}";
        string hostDir = Path.Combine(share, name);
        Directory.CreateDirectory(hostDir);
        var rows = new List<CoherenceRow>();
        try
        {
            await using var session = await p.OpenSessionAsync(ctx, mount, ct);
            string dir = session.BatchDir is "." or "" ? name : $"{session.BatchDir}/{name}";
            for (int trial = 1; trial <= trials; trial++)
            {
                // The kinds in a rotated order each round: none is always changed first, or polled first.
                var kinds = CoherenceKind.All.Skip((trial - 1) % CoherenceKind.All.Count).Concat(CoherenceKind.All.Take((trial - 1) % CoherenceKind.All.Count)).ToList();
                foreach (var k in kinds) k.Prepare(hostDir, trial);
                var look = await session.CoherenceAsync(dir, Request(kinds.Select(k => k.Before(trial)), limitMs, intervalMs, 0), ct);
                var changed = new long[kinds.Count];
                for (int i = 0; i < kinds.Count; i++)
                {
                    kinds[i].Change(hostDir, trial);
                    changed[i] = Stopwatch.GetTimestamp();
                }
                var poll = await session.CoherenceAsync(dir, Request(kinds.Select(k => k.After(trial)), limitMs, intervalMs, confirmPolls), ct);
                long replied = Stopwatch.GetTimestamp();
                var round = kinds.Select((k, i) => Row(p.Name, mount, k.Name, trial, limitMs, look.Results[i], poll.Results[i],
                    Stopwatch.GetElapsedTime(changed[i], replied).TotalMicroseconds)).ToList();
                rows.AddRange(round);
                if (csv is not null) RunFormatCsv.Append<CoherenceRow>(csv, round);
            }
        }
        finally
        {
            try { Directory.Delete(hostDir, recursive: true); }
            catch (IOException e) { Console.WriteLine($"fsbench: could not remove {hostDir}: {e.Message}"); }
            catch (UnauthorizedAccessException e) { Console.WriteLine($"fsbench: could not remove {hostDir}: {e.Message}"); }
        }
        return rows;
    }

    private static CoherenceRequest Request(IEnumerable<List<CoherenceCheck>> trials, int limitMs, int intervalMs, int confirmPolls) => new()
    {
        Trials = [.. trials.Select(c => new CoherenceTrial { Checks = c })], LimitMs = limitMs, IntervalMs = intervalMs, ConfirmPolls = confirmPolls,
    };

    public static CoherenceRow Row(string provider, string mount, string kind, int trial, int limitMs, CoherenceResult look, CoherenceResult poll, double replyUs) => new()
    {
        Provider = provider, Mount = mount, Kind = kind, Trial = trial,
        Warm = look.Observed, LookStalePolls = look.StalePolls,
        Observed = poll.Observed, Polls = poll.Polls, StalePolls = poll.StalePolls,
        StalenessUs = poll.StaleNs / 1000.0, SeenUs = poll.Observed ? poll.SeenNs / 1000.0 : null, Reverted = poll.Reverted,
        ReplyUs = Math.Round(replyUs, 1), LimitMs = limitMs,
        Errnos = CoherenceRow.FormatErrnos(look.Errnos.Select(e => KeyValuePair.Create("look:" + e.Key, e.Value)).Concat(poll.Errnos)),
        LastSeen = string.Join("; ", poll.LastSeen),
    };

    /// <summary>One line per provider and mount: trials, how many showed stale state, the largest staleness, unexpected errnos.</summary>
    public static string Summary(IReadOnlyList<CoherenceRow> rows)
    {
        if (rows.Count == 0) return "no trials";
        int stale = rows.Count(r => r.StalePolls > 0), missed = rows.Count(r => !r.Observed);
        long errnos = rows.Sum(r => r.ErrnoCounts().Values.Sum());
        return $"{rows.Count} trials, {stale} saw stale state (max {rows.Max(r => r.StalenessUs) / 1000:0.#} ms), " +
               $"{missed} not within {rows[0].LimitMs} ms, {rows.Sum(r => r.Reverted)} reversions, {errnos} unexpected errno(s)";
    }
}
