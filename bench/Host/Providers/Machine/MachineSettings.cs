namespace FsBench.Host.Providers.Machine;

/// <summary>
/// How the study's podman machines are made, from environment variables (the providers are created by name,
/// without arguments, in the host and in every BenchmarkDotNet child). Recorded in the manifest.
/// </summary>
public sealed record MachineSettings
{
    public int Cpus { get; init; } = 4;
    public int MemoryMiB { get; init; } = 4096;
    public int DiskGiB { get; init; } = 40;
    /// <summary>Any glibc image for arm64: the NativeAOT probe links against glibc (Debian 12 builds need glibc ≥ 2.36).</summary>
    public string Image { get; init; } = "docker.io/library/debian:bookworm-slim";
    /// <summary>Where the workspace lives on the Mac: under $HOME, which podman shares into the machine at the same path.</summary>
    public string Workspace { get; init; } = Path.Combine(HostPlatform.Home, "fsbench-work");
    /// <summary>The probe published for linux-arm64 (null: next to the host probe, .cache/probe/linux-arm64/fsprobe).</summary>
    public string? GuestProbe { get; init; }
    /// <summary>Keep an existing study machine instead of making it anew (then init and first start are not measured).</summary>
    public bool Reuse { get; init; }
    /// <summary>Leave the machine in place (stopped) after the run instead of removing it.</summary>
    public bool Keep { get; init; }
    /// <summary>mac-study starts and stops the machine around each step (and times it): the provider only uses it.</summary>
    public bool Managed { get; init; }

    public static MachineSettings FromEnvironment(Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var d = new MachineSettings();
        return new MachineSettings
        {
            Cpus = Int(env("FSBENCH_MACHINE_CPUS"), d.Cpus),
            MemoryMiB = Int(env("FSBENCH_MACHINE_MEMORY_MIB"), d.MemoryMiB),
            DiskGiB = Int(env("FSBENCH_MACHINE_DISK_GIB"), d.DiskGiB),
            Image = Text(env("FSBENCH_MACHINE_IMAGE")) ?? d.Image,
            Workspace = Text(env("FSBENCH_MAC_WORKSPACE")) ?? d.Workspace,
            GuestProbe = Text(env("FSBENCH_GUEST_PROBE")),
            Reuse = env("FSBENCH_MACHINE_REUSE") == "1",
            Keep = env("FSBENCH_MACHINE_KEEP") == "1",
            Managed = env(MacStudy.MacStudyRunner.ManagedVar) == "1",
        };
    }

    /// <summary>The linux-arm64 probe: given, or the host probe's sibling folder (.cache/probe/linux-x64 → linux-arm64).</summary>
    public string GuestProbeFor(string hostProbePath) =>
        GuestProbe ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(hostProbePath)))!, "linux-arm64", "fsprobe");

    private static int Int(string? s, int fallback) => int.TryParse(s, out int v) && v > 0 ? v : fallback;
    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
