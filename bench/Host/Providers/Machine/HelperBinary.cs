using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// The VMM podman runs for a provider: vfkit (applehv) or krunkit (libkrun), found where podman looks for its
/// helper binaries: the pkg installer's /opt/podman/bin, Homebrew's libexec/podman, then PATH.
/// </summary>
public static partial class HelperBinary
{
    public static string NameFor(string provider) => provider == "libkrun" ? "krunkit" : "vfkit";

    public static readonly string[] SearchDirs =
    [
        "/opt/podman/bin",
        "/opt/homebrew/opt/podman/libexec/podman",
        "/usr/local/opt/podman/libexec/podman",
        "/opt/homebrew/bin",
        "/usr/local/bin",
        "/usr/local/libexec/podman",
        "/usr/libexec/podman",
    ];

    public static string? Find(string exe, IEnumerable<string>? extraDirs = null)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return SearchDirs.Concat(extraDirs ?? []).Concat(path)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);
    }

    public static async Task<string> VersionAsync(string path, CancellationToken ct)
    {
        var r = await Tool.RunAsync(path, ["--version"], ct, TimeSpan.FromSeconds(20));
        return ParseVersion(r.StandardOutput + "\n" + r.StandardError) ?? "unknown";
    }

    /// <summary>"krunkit 1.3.2", "vfkit version: v0.6.1" → "1.3.2", "0.6.1".</summary>
    public static string? ParseVersion(string output) => VersionRegex().Match(output) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"v?(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionRegex();
}
