namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>Gathers <see cref="PreflightFacts"/> on this Mac (thin: every judgement is in <see cref="MacPreflight.Evaluate"/>).</summary>
public static class PreflightGather
{
    public static async Task<PreflightFacts> FactsAsync(string[] providers, MachineSettings s, string guestProbe, CancellationToken ct)
    {
        var host = HostPlatform.Current();
        var podman = await new PodmanCli().VersionAsync(ct);
        var sw = await Tool.RunAsync("sw_vers", [], ct, TimeSpan.FromSeconds(10));
        var chip = await Tool.RunAsync("sysctl", ["-n", "machdep.cpu.brand_string"], ct, TimeSpan.FromSeconds(10));
        var mem = await Tool.RunAsync("sysctl", ["-n", "hw.memsize"], ct, TimeSpan.FromSeconds(10));
        string? vfkit = HelperBinary.Find("vfkit"), krunkit = HelperBinary.Find("krunkit");
        var machines = new List<MachineListEntry>();
        if (podman is not null)
        {
            var (list, _) = await new PodmanCli().RunAsync(MachineCommands.ListAll(podman), ct, TimeSpan.FromMinutes(1));
            if (list.IsSuccess) machines = MachineListEntry.Parse(list.StandardOutput);
        }
        string? conf = ProviderSelection.ConfPaths().Where(File.Exists).Select(File.ReadAllText).FirstOrDefault(t => MacPreflight.ConfVolumes(t) is not null);
        Directory.CreateDirectory(s.Workspace);
        return new PreflightFacts
        {
            Host = host,
            MacOs = sw.IsSuccess ? SwVers.Parse(sw.StandardOutput) : null,
            Chip = chip.IsSuccess ? chip.StandardOutput.Trim() : null,
            Podman = podman,
            VfkitVersion = vfkit is null ? null : await HelperBinary.VersionAsync(vfkit, ct),
            KrunkitVersion = krunkit is null ? null : await HelperBinary.VersionAsync(krunkit, ct),
            Providers = providers,
            Machines = machines,
            ConfiguredVolumes = conf is null ? null : MacPreflight.ConfVolumes(conf),
            Workspace = Path.GetFullPath(s.Workspace),
            GuestProbe = guestProbe,
            GuestProbeExists = File.Exists(guestProbe),
            FreeDiskGiB = new DriveInfo(s.Workspace).AvailableFreeSpace / (1024.0 * 1024 * 1024),
            MemoryGiB = long.TryParse(mem.StandardOutput.Trim(), out long bytes) ? bytes / (1024.0 * 1024 * 1024) : 0,
            MachineMemoryMiB = s.MemoryMiB,
            MachineDiskGiB = s.DiskGiB,
        };
    }
}
