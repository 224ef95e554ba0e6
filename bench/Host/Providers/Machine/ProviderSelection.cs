using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine;

/// <summary>How podman was installed on the Mac: it decides the default provider of Podman 6.</summary>
public enum InstallOrigin { Unknown, PkgInstaller, Homebrew }

/// <summary>
/// Which machine provider `podman machine init` would use here, and why. In order: CONTAINERS_MACHINE_PROVIDER,
/// then containers.conf `[machine] provider` (platform_darwin.go), then podman's default: applehv before
/// Podman 6; libkrun from Podman 6 (podman#27546), except Homebrew's formula, patched back to applehv
/// because Homebrew does not ship krunkit (homebrew-core#292238).
/// </summary>
public static partial class ProviderSelection
{
    public sealed record Choice(string Provider, string Source);

    public static Choice Effective(string? envVar, string? containersConf, PodmanVersion? version, InstallOrigin origin)
    {
        if (!string.IsNullOrWhiteSpace(envVar)) return new(envVar.Trim(), $"{MachineCommands.ProviderVar}={envVar.Trim()}");
        if (containersConf is not null && ConfProvider(containersConf) is { } conf) return new(conf, "containers.conf [machine] provider");
        if (version is null) return new("applehv", "podman not found; podman 5's default");
        if (!version.HasProviderFlag) return new("applehv", $"podman {version} default");
        return origin switch
        {
            InstallOrigin.Homebrew => new("applehv", $"podman {version} from Homebrew (its formula keeps applehv as the default)"),
            InstallOrigin.PkgInstaller => new("libkrun", $"podman {version} pkg installer default (krunkit bundled)"),
            _ => new("libkrun", $"podman {version} default (unless your build was patched, as Homebrew's is)"),
        };
    }

    /// <summary>`provider = "libkrun"` inside the [machine] table of a containers.conf, or null.</summary>
    public static string? ConfProvider(string toml)
    {
        string? table = null;
        foreach (var raw in toml.Split('\n'))
        {
            string line = raw.Split('#')[0].Trim();
            if (line.StartsWith('[')) { table = line.Trim('[', ']', ' '); continue; }
            if (table == "machine" && ProviderLine().Match(line) is { Success: true } m) return m.Groups[1].Value;
        }
        return null;
    }

    public static InstallOrigin OriginOf(string? buildOrigin, string? podmanPath)
    {
        if (buildOrigin?.Contains("pkginstaller", StringComparison.OrdinalIgnoreCase) == true) return InstallOrigin.PkgInstaller;
        if (buildOrigin?.Contains("brew", StringComparison.OrdinalIgnoreCase) == true) return InstallOrigin.Homebrew;
        if (podmanPath is null) return InstallOrigin.Unknown;
        if (podmanPath.StartsWith("/opt/podman/", StringComparison.Ordinal)) return InstallOrigin.PkgInstaller;
        return podmanPath.Contains("/homebrew/", StringComparison.Ordinal) || podmanPath.Contains("/Cellar/", StringComparison.Ordinal)
            ? InstallOrigin.Homebrew : InstallOrigin.Unknown;
    }

    /// <summary>The user's containers.conf files that can set the provider, most specific first.</summary>
    public static IEnumerable<string> ConfPaths()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        string config = string.IsNullOrEmpty(xdg) ? Path.Combine(HostPlatform.Home, ".config") : xdg;
        if (Environment.GetEnvironmentVariable("CONTAINERS_CONF") is { Length: > 0 } explicitConf) yield return explicitConf;
        yield return Path.Combine(config, "containers", "containers.conf");
        yield return "/etc/containers/containers.conf";
        yield return "/usr/share/containers/containers.conf";
    }

    [GeneratedRegex("""^provider\s*=\s*["']([A-Za-z0-9_-]+)["']""")]
    private static partial Regex ProviderLine();
}
