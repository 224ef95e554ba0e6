using FsBench.Host.Providers.Faults;
using FsBench.Host.Study;

namespace FsBench.Host.Soak;

/// <summary>
/// Parses --faults and expands it into a timeline.
/// <code>
/// SPEC   := CLAUSE (";" CLAUSE)*
/// CLAUSE := KIND ":" KEY "=" VALUE ("," KEY "=" VALUE)*
/// KIND   := pause | freeze | stall | kill | sleep   (one vocabulary with `fault --kind`: <see cref="Fault"/>)
/// KEY    := at (first start) | every (period) | for (duration) | count (at most N times)
/// e.g.  pause:every=60s,for=5s;freeze:at=30s,for=5s;stall:at=120s,for=10s;kill:at=300s
/// </code>
/// Rules: `at` or `every` is required (with only `every`, the first start is one period in); every kind but kill
/// needs `for`; kill takes neither `for` nor `every` (it happens once). `for` must be shorter than `every`.
/// A planned fault is kept only if it ends before the soak does (so its recovery can be measured).
/// </summary>
public static class FaultSpecParser
{
    public static List<FaultSpec> Parse(string? text)
    {
        var specs = new List<FaultSpec>();
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "none") return specs;
        foreach (string raw in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            specs.Add(ParseClause(raw));
        return specs;
    }

    private static FaultSpec ParseClause(string clause)
    {
        var (kindText, rest) = clause.IndexOf(':') is int i and >= 0 ? (clause[..i].Trim(), clause[(i + 1)..]) : (clause.Trim(), "");
        Fault kind = FaultNames.Parse(kindText) ?? throw Bad(clause, $"unknown fault '{kindText}' ({FaultNames.List})");
        TimeSpan? at = null, every = null, duration = null;
        int? count = null;
        foreach (string pair in rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || kv[1].Length == 0) throw Bad(clause, $"'{pair}' is not key=value");
            switch (kv[0])
            {
                case "at": at = Duration(clause, kv[1]); break;
                case "every": every = Duration(clause, kv[1]); break;
                case "for": duration = Duration(clause, kv[1]); break;
                case "count":
                    count = int.TryParse(kv[1], out int n) && n >= 1 ? n : throw Bad(clause, $"count '{kv[1]}' is not a whole number ≥ 1");
                    break;
                default: throw Bad(clause, $"unknown key '{kv[0]}' (at|every|for|count)");
            }
        }
        if (at is null && every is null) throw Bad(clause, "needs at= or every=");
        if (every is { } e && e <= TimeSpan.Zero) throw Bad(clause, "every= must be positive");
        if (!kind.Lasts())
        {
            if (duration is not null) throw Bad(clause, "kill is instantaneous: no for=");
            if (every is not null) throw Bad(clause, "kill happens once: use at=, not every=");
        }
        else
        {
            if (duration is not { } d || d <= TimeSpan.Zero) throw Bad(clause, $"{kindText} needs for=DURATION");
            if (every is { } p && d >= p) throw Bad(clause, "for= must be shorter than every=");
        }
        return new FaultSpec(kind, at, every, duration, count);
    }

    /// <summary>Every planned injection that ends within the soak, in start order, numbered per kind.</summary>
    public static List<FaultAction> Expand(IEnumerable<FaultSpec> specs, TimeSpan soakDuration)
    {
        var starts = new List<(Fault Kind, TimeSpan Start, TimeSpan? For)>();
        foreach (var s in specs)
        {
            TimeSpan first = s.At ?? s.Every!.Value;
            int max = s.Every is null ? 1 : s.Count ?? int.MaxValue;
            for (int n = 0; n < max; n++)
            {
                TimeSpan start = first + (s.Every ?? TimeSpan.Zero) * n;
                if (start + (s.For ?? TimeSpan.Zero) >= soakDuration) break;
                starts.Add((s.Kind, start, s.For));
            }
        }
        var numbers = new Dictionary<Fault, int>();
        return starts.OrderBy(x => x.Start).Select(x =>
        {
            numbers[x.Kind] = numbers.GetValueOrDefault(x.Kind) + 1;
            return new FaultAction(x.Kind, numbers[x.Kind], x.Start, x.For);
        }).ToList();
    }

    private static TimeSpan Duration(string clause, string text) =>
        DurationText.TryParse(text, out var d) ? d : throw Bad(clause, $"'{text}' is not a duration (500ms, 5s, 2m, 1h)");

    private static StudyException Bad(string clause, string problem) => new($"--faults: '{clause}': {problem}");
}
