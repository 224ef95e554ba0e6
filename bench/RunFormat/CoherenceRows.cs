using CsvHelper;

namespace FsBench.RunFormat;

/// <summary>
/// One row of <c>coherence.csv</c>: one trial of the cross-side coherence scenario. The guest looked at a file (stat and
/// read: its caches warm), the host changed it directly in the share (<see cref="Kind"/>), and the guest polled until it
/// showed the new state. Times are from the probe's receipt of the poll request.
/// </summary>
[CsvRecord]
public sealed partial class CoherenceRow
{
    [CsvColumn("provider")] public string Provider { get; set; } = "";
    [CsvColumn("mount")] public string Mount { get; set; } = "";
    /// <summary>rewrite (in place, O_TRUNC: same inode), rewrite-unread (the same, the guest's look only stat'ed it), replace (a new file renamed over it), rename (to a new name), delete, create.</summary>
    [CsvColumn("kind")] public string Kind { get; set; } = "";
    [CsvColumn("trial")] public int Trial { get; set; }
    /// <summary>The guest's look before the change showed the old state (its caches hold it); false: it never did, within the limit.</summary>
    [CsvColumn("warm")] public bool Warm { get; set; }
    /// <summary>Polls of that look that showed another state than the old one (the host had just written it).</summary>
    [CsvColumn("look_stale_polls")] public int LookStalePolls { get; set; }
    /// <summary>The guest showed the new state within <see cref="LimitMs"/>.</summary>
    [CsvColumn("observed")] public bool Observed { get; set; }
    [CsvColumn("polls")] public int Polls { get; set; }
    /// <summary>Polls that still showed another state than the new one (0: the first poll showed it).</summary>
    [CsvColumn("stale_polls")] public int StalePolls { get; set; }
    /// <summary>Until the end of the last poll that showed another state (0 when none did; the limit's end when never observed).</summary>
    [CsvColumn("staleness_us")] public double StalenessUs { get; set; }
    /// <summary>Until the end of the first poll that showed the new state; empty when it did not within the limit.</summary>
    [CsvColumn("seen_us")] public double? SeenUs { get; set; }
    /// <summary>Polls after the new state was seen that showed another state again.</summary>
    [CsvColumn("reverted")] public int Reverted { get; set; }
    /// <summary>On the host's clock: from the end of its change to the probe's reply (an upper bound, channel included).</summary>
    [CsvColumn("reply_us")] public double ReplyUs { get; set; }
    [CsvColumn("limit_ms")] public int LimitMs { get; set; }
    /// <summary>Unexpected errnos, "call:ERRNO count" separated by "; " (look:... during the look before the change).</summary>
    [CsvColumn("errnos")] public string Errnos { get; set; } = "";
    /// <summary>What the last poll saw, per path, "; "-separated (when not observed: the state the guest was stuck in).</summary>
    [CsvColumn("last_seen")] public string LastSeen { get; set; } = "";

    public static IReadOnlyList<CoherenceRow> ReadIfPresent(string runDir) =>
        RunFormatCsv.ReadIfPresent<CoherenceRow>(new RunFolderLayout(runDir).Coherence);

    public static string FormatErrnos(IEnumerable<KeyValuePair<string, long>> errnos) =>
        string.Join("; ", errnos.Where(e => e.Value > 0).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"));

    /// <summary>The errno counts of <see cref="Errnos"/>.</summary>
    public IReadOnlyDictionary<string, long> ErrnoCounts() =>
        Errnos.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(' ')).Where(p => p.Length == 2 && long.TryParse(p[1], out _))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Sum(p => long.Parse(p[1])));
}
