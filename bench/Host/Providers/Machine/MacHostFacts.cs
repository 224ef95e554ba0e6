namespace FsBench.Host.Providers.Machine;

/// <summary>
/// What the manifest records for every machine provider on a Mac: the macOS version and build (sw_vers), the chip
/// (sysctl machdep.cpu.brand_string), the versions of vfkit, krunkit and libkrun, and, for a running krunkit, its
/// virtio-fs shares with the permission mode in effect (from its process command line).
/// </summary>
public static class MacHostFacts
{
    public static async Task<Dictionary<string, string>> VersionsAsync(CancellationToken ct)
    {
        var v = new Dictionary<string, string>();
        var sw = await Tool.RunAsync("sw_vers", [], ct, TimeSpan.FromSeconds(10));
        var parsed = sw.IsSuccess ? SwVers.Parse(sw.StandardOutput) : null;
        v["macos"] = parsed?.ProductVersion ?? "unknown";
        v["macos_build"] = parsed?.BuildVersion ?? "unknown";
        var chip = await Tool.RunAsync("sysctl", ["-n", "machdep.cpu.brand_string"], ct, TimeSpan.FromSeconds(10));
        v["chip"] = chip.IsSuccess && chip.StandardOutput.Trim().Length > 0 ? chip.StandardOutput.Trim() : "unknown";
        foreach (var helper in new[] { "vfkit", "krunkit" })
        {
            string? path = HelperBinary.Find(helper);
            v[helper] = path is null ? "not found" : await HelperBinary.VersionAsync(path, ct);
            if (path is not null) v[$"{helper}_path"] = path;
            if (helper == "krunkit" && path is not null) v["libkrun"] = await LibkrunVersion.OfAsync(path, ct);
        }
        return v;
    }

    /// <summary>The running VMM of the machine: its path (what podman really launched) and, for krunkit, the shares' modes.</summary>
    public static Dictionary<string, string> FromRunningVmm(IEnumerable<ProcessEntry> all, string helper, string machine, string? helperVersion)
    {
        var s = new Dictionary<string, string>();
        var vmm = all.FirstOrDefault(p => p.Executable == helper && p.CommandLine.Contains(machine, StringComparison.Ordinal));
        if (vmm is null) return s;
        s[$"{helper}_path_running"] = vmm.CommandLine.Split(' ', 2)[0];
        var shares = KrunkitShares.Parse(vmm.CommandLine);
        s["virtiofs_shares"] = string.Join(";", shares.Select(x => x.SharedDir));
        if (helper == "krunkit") s["krunkit_permission_semantics"] = KrunkitShares.Describe(vmm.CommandLine, helperVersion);
        return s;
    }
}
