using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// How the figures show each kind of fault (the host's one vocabulary: pause, freeze, stall, kill, sleep): its legend
/// text and colour; a kill happens at an instant (a line), every other kind lasts (a shaded span). A kind not listed
/// here is shown in grey under its own name.
/// </summary>
public static class FaultStyle
{
    public sealed record Style(string Legend, Color Color, bool Instant = false);

    private static readonly (string Kind, Style Style)[] Known =
    [
        ("pause", new("VM paused", Color.FromHex("#56B4E9"))),
        ("freeze", new("VMM frozen", Color.FromHex("#CC79A7"))),
        ("stall", new("file server stalled", Color.FromHex("#E69F00"))),
        ("kill", new("file server killed", Color.FromHex("#D55E00"), Instant: true)),
        ("sleep", new("host asleep", Color.FromHex("#009E73"))),
    ];

    public static Style Of(string kind) => Known.FirstOrDefault(k => k.Kind == kind).Style ?? new(kind, Color.FromHex("#7F7F7F"));

    /// <summary>The kinds present, in the vocabulary's order (unknown kinds last).</summary>
    public static List<string> InOrder(IEnumerable<string> kinds)
    {
        var set = kinds.Distinct().ToList();
        return [.. Known.Select(k => k.Kind).Where(set.Contains), .. set.Where(k => Known.All(x => x.Kind != k)).Order()];
    }
}
