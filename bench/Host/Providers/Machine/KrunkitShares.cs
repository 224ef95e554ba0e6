namespace FsBench.Host.Providers.Machine;

/// <summary>One `--device virtio-fs,sharedDir=…,mountTag=…[,permissionSemantics=…]` of a krunkit (or vfkit) command line.</summary>
public sealed record VirtioFsShare(string SharedDir, string MountTag, string? PermissionSemantics);

/// <summary>
/// krunkit's virtio-fs shares and their permission mode, read from its process command line. krunkit 1.3.0 added
/// `permissionSemantics=complete|simplified` with `simplified` the default (src/virtio.rs FsPermissions, docs/usage.md);
/// older krunkit has no such argument and behaves as libkrun always had ("complete"). Podman passes no value, so the
/// mode follows the krunkit version, and chmod, xattr and ownership results change with it: results across modes
/// are not comparable.
/// </summary>
public static class KrunkitShares
{
    public static List<VirtioFsShare> Parse(string commandLine)
    {
        var shares = new List<VirtioFsShare>();
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            string? spec = w == "--device" && i + 1 < words.Length ? words[i + 1] : w.StartsWith("--device=", StringComparison.Ordinal) ? w["--device=".Length..] : null;
            if (spec is null || !spec.StartsWith("virtio-fs,", StringComparison.Ordinal)) continue;
            var kv = spec["virtio-fs,".Length..].Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            shares.Add(new VirtioFsShare(kv.GetValueOrDefault("sharedDir") ?? "", kv.GetValueOrDefault("mountTag") ?? "", kv.GetValueOrDefault("permissionSemantics")));
        }
        return shares;
    }

    /// <summary>The mode in effect for a share: its explicit value, else krunkit's default for its version.</summary>
    public static string EffectiveSemantics(VirtioFsShare share, string? krunkitVersion)
    {
        if (share.PermissionSemantics is { } explicitMode) return $"{explicitMode.ToLowerInvariant()} (explicit)";
        var v = ToolVersion.Parse(krunkitVersion);
        if (v is null) return "unknown (krunkit version unknown; simplified from 1.3.0, complete before)";
        return v.AtLeast(1, 3, 0) ? "simplified (krunkit ≥ 1.3.0 default)" : "complete (krunkit < 1.3.0 has no permissionSemantics)";
    }

    /// <summary>For the manifest: each share as DIR=MODE, separated by ';'.</summary>
    public static string Describe(string commandLine, string? krunkitVersion) =>
        string.Join(";", Parse(commandLine).Select(s => $"{s.SharedDir}={EffectiveSemantics(s, krunkitVersion)}"));
}
