namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>One preflight check: what was looked at, what was found, and, when it fails, what to do.</summary>
public sealed record PreflightCheck(string Name, bool Ok, string Found, string? Remedy = null)
{
    public override string ToString() => Ok ? $"ok    {Name}: {Found}" : $"FAIL  {Name}: {Found} -> {Remedy}";
}

/// <summary>What the preflight gathers on the Mac before any machine is started (see <see cref="MacPreflight"/>).</summary>
public sealed record PreflightFacts
{
    public HostKind Host { get; init; }
    public SwVers? MacOs { get; init; }
    public string? Chip { get; init; }
    public PodmanVersion? Podman { get; init; }
    public string? VfkitVersion { get; init; }
    public string? KrunkitVersion { get; init; }
    public string[] Providers { get; init; } = [];
    /// <summary>`podman machine list --format json` over every provider.</summary>
    public List<MachineListEntry> Machines { get; init; } = [];
    /// <summary>containers.conf `[machine] volumes`, or null when no file sets it (then podman's defaults apply).</summary>
    public List<string>? ConfiguredVolumes { get; init; }
    public string Workspace { get; init; } = "";
    public string GuestProbe { get; init; } = "";
    public bool GuestProbeExists { get; init; }
    public double FreeDiskGiB { get; init; }
    public double MemoryGiB { get; init; }
    public int MachineMemoryMiB { get; init; }
    public int MachineDiskGiB { get; init; }
}
