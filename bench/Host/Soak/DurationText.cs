using System.Globalization;
using System.Text.RegularExpressions;

namespace FsBench.Host.Soak;

/// <summary>Durations as people write them: "500ms", "5s", "10m", "1h", "1h30m", "90" (seconds).</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)(ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double bare))
        {
            value = TimeSpan.FromSeconds(bare);
            return bare >= 0;
        }
        if (!Whole().IsMatch(text)) return false;
        foreach (Match m in Part().Matches(text))
        {
            double n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            value += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }
        return true;
    }

    public static TimeSpan Parse(string text, string what) =>
        TryParse(text, out var v) ? v : throw new FormatException($"{what}: '{text}' is not a duration (examples: 500ms, 5s, 10m, 1h)");

    /// <summary>"5s", "1m30s", "250ms".</summary>
    public static string Format(TimeSpan t)
    {
        if (t.TotalSeconds < 1) return $"{t.TotalMilliseconds:0}ms";
        if (t.TotalMinutes < 1) return t.TotalSeconds % 1 == 0 ? $"{t.TotalSeconds:0}s" : $"{t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
        string s = (t.Hours > 0 || t.Days > 0 ? $"{(int)t.TotalHours}h" : "") + (t.Minutes > 0 ? $"{t.Minutes}m" : "") + (t.Seconds > 0 ? $"{t.Seconds}s" : "");
        return s;
    }
}
