using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// The VMM podman runs for a provider: vfkit (applehv) or krunkit (libkrun), searched in the order podman's own
/// FindHelperBinary uses on macOS (containers/common pkg/config config_darwin.go): CONTAINERS_HELPER_BINARY_DIR,
/// then $BINDIR/../libexec/podman (next to the podman binary), Homebrew's paths, the default paths, then PATH.
/// The pkg installer keeps its helpers next to podman in /opt/podman/bin. This is a prediction: once a machine
/// runs, the manifest records the path from the VMM's own process (<see cref="FromRunningProcess"/>).
/// </summary>
public static partial class HelperBinary
{
    public static string NameFor(string provider) => provider == "libkrun" ? "krunkit" : "vfkit";

    public static readonly string[] SearchDirs =
    [
        "/usr/local/opt/podman/libexec/podman",
        "/opt/homebrew/opt/podman/libexec/podman",
        "/opt/homebrew/bin",
        "/usr/local/bin",
        "/usr/local/libexec/podman",
        "/usr/local/lib/podman",
        "/usr/libexec/podman",
        "/usr/lib/podman",
    ];

    /// <summary>The directories podman searches, in its order, given the (resolved) podman executable.</summary>
    public static IEnumerable<string> SearchOrder(string? podmanExecutable, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        if (env("CONTAINERS_HELPER_BINARY_DIR") is { Length: > 0 } over) yield return over;
        if (podmanExecutable is not null && Path.GetDirectoryName(podmanExecutable) is { } bindir)
        {
            yield return Path.GetFullPath(Path.Combine(bindir, "..", "libexec", "podman"));
            yield return bindir;   // the pkg installer: /opt/podman/bin holds podman, vfkit, krunkit
        }
        foreach (var d in SearchDirs) yield return d;
        foreach (var d in (env("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)) yield return d;
    }

    public static string? Find(string exe, string? podmanExecutable = null) =>
        SearchOrder(podmanExecutable ?? PodmanExecutable()).Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);

    /// <summary>The podman on PATH, symlinks resolved (Homebrew links /opt/homebrew/bin/podman into its Cellar).</summary>
    public static string? PodmanExecutable()
    {
        string? onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "podman")).FirstOrDefault(File.Exists);
        return onPath is null ? null : new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
    }

    /// <summary>The helper a running machine actually uses: the first word of its VMM's command line.</summary>
    public static string? FromRunningProcess(IEnumerable<ProcessEntry> all, string helper, string machine) =>
        all.FirstOrDefault(p => p.Executable == helper && p.CommandLine.Contains(machine, StringComparison.Ordinal))?.CommandLine.Split(' ', 2)[0];

    public static async Task<string> VersionAsync(string path, CancellationToken ct)
    {
        var r = await Tool.RunAsync(path, ["--version"], ct, TimeSpan.FromSeconds(20));
        return ParseVersion(r.StandardOutput + "\n" + r.StandardError) ?? "unknown";
    }

    /// <summary>"krunkit 1.3.1" (clap), "vfkit version v0.6.1" (cobra) → "1.3.1", "0.6.1".</summary>
    public static string? ParseVersion(string output) => VersionRegex().Match(output) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"v?(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionRegex();
}
