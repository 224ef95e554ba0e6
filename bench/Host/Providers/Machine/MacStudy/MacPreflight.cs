using System.Globalization;
using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>
/// The checks `doctor` shows and `mac-study` runs first, each with what to do when it fails. The checks that need a
/// running machine (a touch through the bind mount, the probe answering hello in the image) run in the first step
/// that brings each machine up (<see cref="MachineChecks"/>).
/// </summary>
public static partial class MacPreflight
{
    /// <summary>Podman's default machine shares on macOS (containers/common pkg/config/default_darwin.go).</summary>
    public static readonly string[] DefaultVolumes = ["/Users:/Users", "/private:/private", "/var/folders:/var/folders"];

    public static List<PreflightCheck> Evaluate(PreflightFacts f)
    {
        var checks = new List<PreflightCheck>();
        bool mac = f.Host is HostKind.MacAppleSilicon or HostKind.MacIntel;
        checks.Add(new("macOS", mac && (f.MacOs?.Major ?? 0) >= 14, mac ? f.MacOs?.ToString() ?? "sw_vers printed nothing" : $"{f.Host}, not macOS",
            mac ? "krunkit and the study need macOS 14 or later: update macOS" : "run the Mac study on a Mac (docs/mac.md)"));
        if (f.Providers.Contains("libkrun"))
            checks.Add(new("Apple silicon", f.Host == HostKind.MacAppleSilicon, $"{f.Chip ?? "unknown chip"} ({f.Host})",
                "libkrun is not supported on Intel based machines: measure applehv only (--providers applehv)"));
        int minor = f.Providers.Contains("libkrun") ? 2 : 0;
        checks.Add(new("podman", f.Podman is not null && f.Podman.AtLeast(5, minor),
            f.Podman?.ToString() ?? "not installed", $"install or upgrade podman ≥ 5.{minor}: the pkg installer from podman.io, or brew install podman"));
        if (f.Providers.Contains("applehv"))
            checks.Add(new("vfkit", f.VfkitVersion is not null, f.VfkitVersion ?? "not found",
                "vfkit ships with podman: reinstall podman (brew install podman, or the pkg installer)"));
        if (f.Providers.Contains("libkrun"))
        {
            string? tooOld = MachineAvailability.KrunkitTooOld(f.Podman, f.KrunkitVersion);
            checks.Add(new("krunkit", f.KrunkitVersion is not null && tooOld is null,
                f.KrunkitVersion is null ? "not found" : tooOld is null ? f.KrunkitVersion : $"{f.KrunkitVersion}, too old for podman {f.Podman}",
                f.KrunkitVersion is null ? MachineAvailability.KrunkitRemedy : tooOld));
        }
        var others = f.Machines.Where(m => (m.Running || m.Starting) && !MacStudyRunner.Owns(m.Name)).ToList();
        checks.Add(new("no other active machine", others.Count == 0,
            others.Count == 0 ? "none running" : string.Join(", ", others.Select(m => $"{m.Name} ({m.VmType}) running")),
            $"podman runs one machine at a time (\"only one VM can be active at a time\"): stop it first: {string.Join("; ", others.Select(m => $"podman machine stop {m.Name}"))}"));
        var volumes = f.ConfiguredVolumes ?? [.. DefaultVolumes];
        string? share = SharingVolume(volumes, f.Workspace);
        checks.Add(new("workspace shared", share is not null,
            $"{f.Workspace} {(share is null ? "is under none of" : $"is under {share}, one of")} {string.Join(" ", volumes)}{(f.ConfiguredVolumes is null ? " (podman's defaults)" : " (containers.conf [machine] volumes replaces the defaults)")}",
            "set FSBENCH_MAC_WORKSPACE to a folder under a shared path (e.g. ~/fsbench-work), or add it to containers.conf [machine] volumes"));
        checks.Add(new("linux-arm64 probe", f.GuestProbeExists, f.GuestProbe + (f.GuestProbeExists ? "" : " is missing"),
            "build it: ./run-bench.sh probe-arm64 (docs/mac.md step 4), or set FSBENCH_GUEST_PROBE"));
        double needDisk = 10 + f.MachineDiskGiB * 0.25;
        checks.Add(new("disk", f.FreeDiskGiB >= needDisk, $"{f.FreeDiskGiB:0} GiB free in the workspace's volume",
            $"free at least {needDisk:0} GiB (machine images, and each machine's sparse {f.MachineDiskGiB} GiB disk)"));
        double needMem = f.MachineMemoryMiB / 1024.0 + 4;
        checks.Add(new("memory", f.MemoryGiB >= needMem, $"{f.MemoryGiB:0} GiB installed, one {f.MachineMemoryMiB} MiB machine at a time",
            $"lower FSBENCH_MACHINE_MEMORY_MIB (the Mac needs {needMem:0} GiB for it plus 4 GiB for itself)"));
        return checks;
    }

    /// <summary>The share (HOST:GUEST[:opts]) whose host path holds <paramref name="path"/> at the same path in the guest, or null.</summary>
    public static string? SharingVolume(IEnumerable<string> volumes, string path)
    {
        string home = HostPlatform.Home;
        foreach (var v in volumes)
        {
            var parts = v.Replace("$HOME", home).Split(':');
            string host = parts[0].TrimEnd('/'), guest = (parts.Length > 1 ? parts[1] : parts[0]).TrimEnd('/');
            if (host == guest && (path == host || path.StartsWith(host + "/", StringComparison.Ordinal))) return v;
        }
        return null;
    }

    /// <summary>`volumes = ["/Users:/Users", ...]` (one line or several) in the [machine] table of a containers.conf, or null.</summary>
    public static List<string>? ConfVolumes(string toml)
    {
        string? table = null;
        string? collecting = null;
        foreach (var raw in toml.Split('\n'))
        {
            string line = raw.Split('#')[0].Trim();
            if (collecting is not null)
            {
                collecting += " " + line;
                if (line.Contains(']')) return Quoted().Matches(collecting).Select(q => q.Groups[1].Value).ToList();
                continue;
            }
            if (line.StartsWith('[')) { table = line.Trim('[', ']', ' '); continue; }
            if (table == "machine" && VolumesLine().Match(line) is { Success: true } m)
            {
                if (line.Contains(']')) return Quoted().Matches(m.Groups[1].Value).Select(q => q.Groups[1].Value).ToList();
                collecting = m.Groups[1].Value;
            }
        }
        return null;
    }

    public static string Gib(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^volumes\s*=\s*\[(.*)")]
    private static partial Regex VolumesLine();

    [GeneratedRegex("[\"']([^\"']*)[\"']")]
    private static partial Regex Quoted();
}
