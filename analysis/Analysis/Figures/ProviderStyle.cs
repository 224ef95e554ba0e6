using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// One fixed colour per provider, and one marker shape (lines) or hatch (bars) per mount, in every figure.
/// (No dashed lines: Skia's SVG backend cannot draw path effects and would draw them solid.)
/// </summary>
public static class ProviderStyle
{
    // Okabe-Ito, colour-blind safe.
    private static readonly Dictionary<string, Color> Colors = new()
    {
        [Providers.Local] = Color.FromHex("#555555"),
        ["podman"] = Color.FromHex("#E69F00"),
        ["qemu-virtiofs"] = Color.FromHex("#56B4E9"),
        ["qemu-9p"] = Color.FromHex("#009E73"),
        [Providers.AppleHv] = Color.FromHex("#D55E00"),
        [Providers.Libkrun] = Color.FromHex("#0072B2"),
    };

    private static readonly Color[] Fallback =
        [Color.FromHex("#CC79A7"), Color.FromHex("#8C564B"), Color.FromHex("#BCBD22"), Color.FromHex("#17BECF")];

    /// <summary>The provider · mount series of some cases, each once, in the study's provider order, then by name and mount.</summary>
    public static List<(string Provider, string Mount)> SeriesOf(IEnumerable<CaseResult> cases) =>
        cases.Select(c => (c.Key.Provider, c.Key.Mount)).Distinct()
            .OrderBy(s => Providers.Order(s.Provider)).ThenBy(s => s.Provider, StringComparer.Ordinal).ThenBy(s => s.Mount, StringComparer.Ordinal).ToList();

    public static Color ColorOf(string provider) =>
        Colors.TryGetValue(provider, out var c) ? c : Fallback[(int)((uint)StableHash(provider) % Fallback.Length)];

    public static MarkerShape MarkerOf(string mount) => mount switch
    {
        "bind" => MarkerShape.FilledCircle,
        "overlay" => MarkerShape.FilledSquare,
        "volume" => MarkerShape.FilledTriangleUp,
        _ => MarkerShape.FilledDiamond,
    };

    public static IHatch? HatchOf(string mount) => mount switch
    {
        "bind" => null,
        "overlay" => new ScottPlot.Hatches.Striped(),
        "volume" => new ScottPlot.Hatches.Dots(),
        _ => new ScottPlot.Hatches.Checker(),
    };

    /// <summary>string.GetHashCode is randomised per process; colours must not change between runs.</summary>
    private static int StableHash(string s)
    {
        int h = 17;
        foreach (char ch in s) h = unchecked(h * 31 + ch);
        return h;
    }
}
