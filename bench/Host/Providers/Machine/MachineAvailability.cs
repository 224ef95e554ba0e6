namespace FsBench.Host.Providers.Machine;

/// <summary>Why a podman machine provider cannot run here (one line, with its remedy), or null when it can.</summary>
public static class MachineAvailability
{
    public const string KrunkitRemedy =
        "install krunkit: brew tap slp/krun && brew install krunkit (or use the Podman pkg installer, which bundles it)";

    /// <summary>
    /// Podman 6 starts krunkit with --timesync, which krunkit only knows from 1.2.0 on; older krunkit exits 2 with
    /// "error: unexpected argument '--timesync' found" (podman#29439, krunkit 1.2.0 release via podman#28308).
    /// </summary>
    public static string? KrunkitTooOld(PodmanVersion? podman, string? krunkitVersion) =>
        podman is { Major: >= 6 } && ToolVersion.Parse(krunkitVersion) is { } k && !k.AtLeast(1, 2, 0)
            ? $"krunkit {krunkitVersion} is too old for podman {podman}: podman 6 passes --timesync, which krunkit < 1.2.0 rejects"
              + " (\"krunkit: unexpected argument '--timesync' found\", podman#29439): brew upgrade krunkit (tap slp/krun), or the Podman pkg installer"
            : null;

    /// <param name="podman">podman's version, or null when podman is not installed or not answering.</param>
    /// <param name="helperPath">vfkit (applehv) or krunkit (libkrun), or null when it was not found.</param>
    /// <param name="helperVersion">the helper's version as `--version` prints it, when known.</param>
    public static string? Reason(string provider, HostKind host, PodmanVersion? podman, string? helperPath, string? helperVersion = null) => provider switch
    {
        "applehv" => host switch
        {
            HostKind.MacAppleSilicon or HostKind.MacIntel => Common(podman, 5, 0, helperPath, "vfkit",
                "vfkit is missing: reinstall podman (brew install podman, or the Podman pkg installer), both ship vfkit"),
            _ => "applehv needs macOS (Apple Virtualization.framework)",
        },
        "libkrun" => host switch
        {
            HostKind.MacAppleSilicon => Common(podman, 5, 2, helperPath, "krunkit", $"krunkit is missing: {KrunkitRemedy}")
                                        ?? KrunkitTooOld(podman, helperVersion),
            HostKind.MacIntel => "libkrun is not supported on Intel based machines (podman refuses it on amd64 Macs; use applehv)",
            _ => "libkrun needs macOS on Apple silicon (krunkit, Hypervisor.framework)",
        },
        _ => $"'{provider}' is not a podman machine provider (applehv|libkrun)",
    };

    private static string? Common(PodmanVersion? podman, int major, int minor, string? helperPath, string helper, string missingHelper)
    {
        if (podman is null) return "podman is not installed: brew install podman, or the Podman pkg installer from podman.io";
        if (!podman.AtLeast(major, minor)) return $"podman {podman} is too old: this provider needs podman ≥ {major}.{minor} (brew upgrade podman)";
        return helperPath is null ? missingHelper : null;
    }
}
