using FsBench.Host.Providers.Faults;
using System.Diagnostics;
using FsBench.Host.Channel;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// The probe in a QEMU guest (busybox initramfs, Debian's generic kernel), its workspace the host directory
/// shared over virtio-fs or virtio-9p. Start boots one VM per run and leaves it running; each session
/// (each BenchmarkDotNet child) connects to the probe over the virtio-serial socket. Mounts: bind = the
/// share itself (/mnt/share), overlay = an overlayfs with the share as lower and an upper layer on an ext4 disk (/mnt/ovl).
/// </summary>
public sealed class QemuProvider(QemuTransport transport, FaultModel? model = null) : IProvider
{
    public string Name => model is null ? transport.ProviderName : FaultModel.ProviderName(transport.ProviderName, model.Name);
    /// <summary>The fault model inside this instance's virtiofsd, or null (the real server, unchanged).</summary>
    public FaultModel? Model => model;
    public IReadOnlyList<string> Mounts => [MountModes.Bind, MountModes.Overlay];
    public QemuTransport Transport => transport;

    /// <summary>The batch directory inside the guest, relative to the probe's root /mnt.</summary>
    public static string GuestDir(string mount) => mount switch
    {
        MountModes.Bind => "share",
        MountModes.Overlay => "ovl",
        _ => throw new StudyException($"the QEMU guests have no mount mode '{mount}' (bind|overlay)"),
    };

    /// <summary>Every session talks to the one guest: a dead or hung guest is rebooted for the next case.</summary>
    public bool RestartsAfterChannelFailure => true;
    public bool GuestForgetsAfterCase => true;
    /// <summary>Each Start boots a new guest (and, for a fault model, a new file server with it).</summary>
    public bool BootsFreshGuest => true;

    /// <summary>The overlay's lower layer is the share itself, which the probe also mounts.</summary>
    public string? LowerLayerDir(string mount) => mount == MountModes.Overlay ? GuestDir(MountModes.Bind) : null;

    /// <summary>The bind mount is the shared host directory (/mnt/share in the guest; the default HostShareDir).</summary>
    public bool HostWritesShare(string mount) => mount == MountModes.Bind;

    /// <summary>Pause or freeze the VM, stall or kill its file server, from the host process, for this run's guest.</summary>
    public IFaultInjector Faults(ProviderContext ctx) => new QemuFaultInjector(transport, QemuState.For(ctx, Name), model is not null);

    /// <summary>QEMU, and virtiofsd's monitor and sandboxed worker (the C virtiofsd runs as two processes), from the PID files.</summary>
    public Task<IReadOnlyList<SampledProcess>> ProcessesToSampleAsync(ProviderContext ctx, ProbeSession? session, CancellationToken ct)
    {
        var state = QemuState.For(ctx, Name);
        return Task.FromResult<IReadOnlyList<SampledProcess>>(
            [.. QemuVm.Pids(state).Select(p => new SampledProcess("qemu", p)), .. VirtiofsdProcess.Pids(state).Select(p => new SampledProcess("virtiofsd", p))]);
    }

    public Task<string?> UnavailableReasonAsync(CancellationToken ct) => Task.FromResult(UnavailableReason());

    private string? UnavailableReason()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            return "the QEMU guests run on x86-64 Linux hosts only";
        if (!Tool.OnPath(QemuVm.Exe)) return "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)";
        if (transport.IsVirtioFs && !File.Exists(VirtiofsdProcess.PathOnThisHost))
            return $"virtiofsd is missing at {VirtiofsdProcess.PathOnThisHost} (apt-get install qemu-system-common: QEMU 7.2 ships the C virtiofsd; or set FSBENCH_VIRTIOFSD)";
        if (transport.IsVirtioFs && Environment.UserName != "root") return "virtiofsd needs root for its namespace sandbox (run as root)";
        if (model is not null && FaultModel.Library() is null)
            return $"the fault model library {FaultModel.LibraryName} is not built (./run-bench.sh setup builds it with cc or clang)";
        if (GuestImage.BuildScript() is null) return "bench/guest/build-guest.sh was not found above the host binaries (run from the repository)";
        if (!File.Exists("/bin/busybox") && !File.Exists("/usr/bin/busybox")) return "busybox is missing for the guest initramfs (apt-get install busybox-static)";
        foreach (var tool in new[] { "cpio", "depmod", "apt-get", "dpkg-deb", "xz", "zstd" })
            if (!Tool.OnPath(tool)) return $"{tool} is missing to build the guest (apt-get install cpio kmod xz-utils zstd)";
        return null;
    }

    public async Task<ProviderInfo> StartAsync(ProviderContext ctx, CancellationToken ct)
    {
        var state = QemuState.For(ctx, Name);
        state.Create();
        await EndProcessesAsync(state);   // a previous, killed run in the same state dir
        state.RemoveStaleFiles();
        foreach (var log in new[] { state.ConsoleLog, state.VirtiofsdLog }) if (File.Exists(log)) File.Delete(log);
        try
        {
            var guest = await GuestImage.EnsureAsync(ctx.ProbePath, ct);
            var (accel, why) = await Acceleration.DecideAsync(QemuVm.Exe, guest, state.TrialLog, ct);
            var cmd = new QemuCommandLine(transport, transport.Cache(), accel, guest.Kernel, guest.Initrd, state, ctx.HostScratch(Name),
                UpperDisk: guest.UpperDisk);

            var versions = new Dictionary<string, string>
            {
                ["qemu"] = await QemuVm.VersionAsync(ct),
                ["guest_kernel"] = $"{guest.KernelRelease} ({guest.Facts.GetValueOrDefault("KERNEL_PACKAGE")} {guest.KernelPackageVersion})",
                ["busybox"] = guest.Facts.GetValueOrDefault("BUSYBOX", "?"),
            };
            var settings = new Dictionary<string, string>
            {
                ["transport"] = transport.IsVirtioFs ? "virtio-fs (virtiofsd, vhost-user-fs-pci)" : "virtio-9p (qemu -virtfs, 9p2000.L, msize=524288)",
                ["cache"] = cmd.Cache,
                ["cache_variable"] = transport.CacheVariable,
                ["smp"] = cmd.Cpus.ToString(),
                ["memory_mb"] = cmd.MemoryMb.ToString(),
                ["acceleration_reason"] = why,
                ["kernel_cmdline"] = cmd.KernelAppend(),
                ["share"] = cmd.ShareDir,
                ["state"] = state.Dir,
                ["guest_build"] = guest.WasCached ? "cached" : "built",
                [StartupCosts.GuestBuild.SettingKey] = guest.BuildSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            };

            if (transport.IsVirtioFs)
            {
                versions["virtiofsd"] = await VirtiofsdProcess.VersionAsync(ct);
                var clock = Stopwatch.StartNew();
                await VirtiofsdProcess.StartAsync(cmd, ct, model is null ? null : FaultModelSetup.Prepare(model, ctx, Name, settings));
                settings[StartupCosts.FileServerStart.SettingKey] = Seconds(clock.Elapsed.TotalSeconds);
            }
            var ready = await QemuVm.LaunchAsync(cmd, ct);
            settings[StartupCosts.VmmLaunch.SettingKey] = Seconds(ready.LaunchSeconds);
            settings[StartupCosts.Boot.SettingKey] = Seconds(ready.BootSeconds);
            settings["guest_uptime_at_ready_seconds"] = ready.Fields.GetValueOrDefault("uptime", "?");
            settings["overlay"] = ready.Fields.GetValueOrDefault("overlay", "?");
            settings["overlay_upper"] = ready.Fields.GetValueOrDefault("upper", "?") is "ext4" ? "ext4 on virtio-blk (snapshot=on)" : ready.Fields.GetValueOrDefault("upper", "?");
            return new ProviderInfo(accel, versions, settings);
        }
        catch
        {
            await StopAsync(ctx, CancellationToken.None);
            throw;
        }
    }

    public async Task<ProbeSession> OpenSessionAsync(ProviderContext ctx, string mount, CancellationToken ct)
    {
        var state = QemuState.For(ctx, Name);
        string dir = GuestDir(mount);
        if (QemuVm.Pids(state).Count == 0)
            throw new ProbeChannelException($"{Name}: the guest is not running (state {state.Dir}); console: {state.ConsoleTail()}");
        var channel = await SocketChannel.ConnectAsync(state.ProbeSocket, ctx.BatchTimeout, ct);
        var session = new ProbeSession(channel, dir, ctx.BatchTimeout, LowerLayerDir(mount), ((IProvider)this).HostShareDir(ctx, mount));
        try
        {
            await session.HelloAsync(ct);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task StopAsync(ProviderContext ctx, CancellationToken ct)
    {
        var state = QemuState.For(ctx, Name);
        if (!Directory.Exists(state.Dir)) return;
        await EndProcessesAsync(state);
        state.RemoveStaleFiles();
        if (state.SocketDir != state.Dir && Directory.Exists(state.SocketDir) && !Directory.EnumerateFileSystemEntries(state.SocketDir).Any())
            Directory.Delete(state.SocketDir);
    }

    /// <summary>QEMU first (virtiofsd would exit on its own once QEMU hangs up), then both virtiofsd processes.</summary>
    private static async Task EndProcessesAsync(QemuState state)
    {
        await ProcessTable.EndAsync(QemuVm.Pids(state), TimeSpan.FromSeconds(5));
        await ProcessTable.EndAsync(VirtiofsdProcess.Pids(state), TimeSpan.FromSeconds(5));
    }

    private static string Seconds(double s) => s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
