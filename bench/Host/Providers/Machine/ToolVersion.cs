using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine;

/// <summary>A helper's version ("1.3.1", "v0.6.1", "krunkit 1.2.1"), compared numerically.</summary>
public sealed partial record ToolVersion(int Major, int Minor, int Patch)
{
    public static ToolVersion? Parse(string? text) =>
        text is not null && VersionRegex().Match(text) is { Success: true } m
            ? new ToolVersion(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : 0)
            : null;

    public bool AtLeast(int major, int minor, int patch) =>
        (Major, Minor, Patch).CompareTo((major, minor, patch)) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    [GeneratedRegex(@"(\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex VersionRegex();
}
