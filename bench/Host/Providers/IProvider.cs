using FsBench.Host.Channel;
using FsBench.Host.Gpu;
using FsBench.Host.Providers.Faults;

namespace FsBench.Host.Providers;

/// <summary>
/// The contract every provider passes: local, podman, the QEMU guests and the macOS podman machines.
/// Start and Stop run once per run in the host process; OpenSession runs in each BenchmarkDotNet child
/// process, against what Start left running (its state lives under <see cref="ProviderContext.StateDir"/>).
/// </summary>
public interface IProvider
{
    string Name { get; }

    /// <summary>The mount modes this provider can put the scratch directory behind.</summary>
    IReadOnlyList<string> Mounts { get; }

    /// <summary>Null when the provider can run here; otherwise a one-line reason (and remedy).</summary>
    Task<string?> UnavailableReasonAsync(CancellationToken ct);

    Task<ProviderInfo> StartAsync(ProviderContext ctx, CancellationToken ct);

    Task<ProbeSession> OpenSessionAsync(ProviderContext ctx, string mount, CancellationToken ct);

    /// <summary>
    /// For an overlay mount whose lower layer the probe can also reach directly: that layer, relative to the
    /// probe's scratch root. Only such mounts can measure overlay copy-up (the "copyup" operation).
    /// </summary>
    string? LowerLayerDir(string mount) => null;

    /// <summary>
    /// The host directory that a session on this mount sees as its batch directory, when the host can write into it
    /// directly (a bind share); null otherwise. Through it the host changes the share behind the guest's back: files
    /// the guest has never looked up (the cold operations) and the cross-side coherence scenario.
    /// </summary>
    string? HostShareDir(ProviderContext ctx, string mount) => HostWritesShare(mount) ? ctx.HostScratch(Name) : null;

    /// <summary>
    /// Whether <see cref="HostShareDir"/> gives a directory for this mount once the provider runs: declared, so that cases
    /// can be chosen before a provider starts (the cold ops need it: <see cref="Protocol.OpNeeds.HostFixtures"/>).
    /// </summary>
    bool HostWritesShare(string mount) => false;

    /// <summary>
    /// True for a provider whose sessions share one long-lived guest: when a session's channel dies (a hung or dead
    /// guest or file server), the next case restarts the provider instead of losing every case after it.
    /// </summary>
    bool RestartsAfterChannelFailure => false;

    /// <summary>
    /// True for a guest the study owns (the QEMU guests): at the end of each case its probe drops the guest kernel's
    /// dentry and inode caches, so the file server forgets the inodes the case looked up. virtiofsd holds a descriptor
    /// for every inode the guest knows, and a guest with memory to spare never forgets: the cold ops' host-made files
    /// would pile up to the host's descriptor limit (20,000 on our test machines) and later cases would fail with
    /// EMFILE, a failure of the rig and not of the provider. Every case then also starts from the same guest state.
    /// </summary>
    bool GuestForgetsAfterCase => false;

    /// <summary>
    /// True for a provider that must be the only one of its kind running (a podman machine on a Mac: Podman 5.4 and
    /// later allow one active machine). The study then starts it just before its cases in each repetition and stops
    /// it right after, timing both (operational cost), instead of keeping it running for the whole run.
    /// </summary>
    bool ExclusiveActive => false;

    /// <summary>
    /// True for a provider whose Start boots a guest that differs from boot to boot (memory layout, caches, the
    /// overlay's disk image): with the run flag --fresh-guest the study stops and starts it at the first case of every
    /// repetition after the first, so the launch-level intervals also hold boot-to-boot variation.
    /// </summary>
    bool BootsFreshGuest => false;

    /// <summary>Ends everything Start began; safe to call after a failed or partial Start.</summary>
    Task StopAsync(ProviderContext ctx, CancellationToken ct);

    // ---- Capabilities: what the provider declares, so nothing outside Providers/ switches on its type ----

    /// <summary>Null when this provider can run the operation on the mount; otherwise why not (one line).</summary>
    string? WhyNotSupported(string op, string mount) =>
        !Mounts.Contains(mount) ? $"{Name} has no mount mode '{mount}' ({string.Join("|", Mounts)})"
        : Probe.Ops.OperationCatalog.Info(op)?.Has(Protocol.OpNeeds.LowerDir) == true && LowerLayerDir(mount) is null
            ? $"{Name}/{mount}: {op} needs an overlay's lower layer, which the probe cannot reach here"
        : Probe.Ops.OperationCatalog.Info(op)?.Has(Protocol.OpNeeds.HostFixtures) == true && !HostWritesShare(mount)
            ? $"{Name}/{mount}: {op} needs files the host makes in the share, and the host cannot write behind this mount"
        : null;

    /// <summary>The faults this provider can inject into what its Start left running (none by default).</summary>
    IFaultInjector Faults(ProviderContext ctx) => new NoFaults("no fault injector (the QEMU guests and the podman machines have one)");

    /// <summary>Its host processes worth sampling now (the VMM, the file server, conmon...); <paramref name="session"/> is the soak's probe session.</summary>
    Task<IReadOnlyList<SampledProcess>> ProcessesToSampleAsync(ProviderContext ctx, ProbeSession? session, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SampledProcess>>([]);

    /// <summary>Where the GPU probe's commands run for this provider, or null when it has no GPU probe.</summary>
    GpuTarget? GpuTarget(string? image, string? volume) => null;
}

/// <summary>What the manifest records about a started provider.</summary>
public sealed record ProviderInfo(
    string Acceleration,
    Dictionary<string, string> Versions,
    Dictionary<string, string> Settings);

/// <summary>Everything a provider needs to know about the run it serves.</summary>
public sealed record ProviderContext(string RunId, string StateDir, string ScratchDir, string ProbePath, TimeSpan BatchTimeout)
{
    /// <summary>This provider's own scratch directory on the host (created on demand).</summary>
    public string HostScratch(string provider)
    {
        string dir = Path.Combine(ScratchDir, RunId, provider);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

public static class MountModes
{
    public const string Bind = "bind";
    public const string Overlay = "overlay";
    public const string Volume = "volume";
    public static readonly string[] All = [Bind, Overlay, Volume];
}
