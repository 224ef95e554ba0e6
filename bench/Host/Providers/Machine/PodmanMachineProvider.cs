using FsBench.Host.Providers.Faults;
using System.Globalization;
using CliWrap;
using FsBench.Host.Channel;
using FsBench.Host.Providers.Podman;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// A podman machine on macOS, `applehv` (vfkit, Apple's Virtualization.framework and its virtio-fs server) or
/// `libkrun` (krunkit, libkrun's own virtio-fs). One machine per provider, named fsbench-&lt;provider&gt;, owned
/// by the study: Start makes it anew and times init, first start, stop and warm start; the probe then runs in
/// containers on it (podman --connection), its workspace under $HOME, which podman shares at the same path.
/// </summary>
public sealed class PodmanMachineProvider(string provider, string podman = "podman") : IProvider
{
    private readonly PodmanCli _cli = new(podman);

    public string Name => provider;
    public IReadOnlyList<string> Mounts => MountModes.All;
    public string MachineName => MachineCommands.MachineNameFor(provider);
    public string Helper => HelperBinary.NameFor(provider);

    /// <summary>
    /// Podman >= 5.4 allows one active machine across all providers (pkg/machine/shim/host.go checkExclusiveActiveVM,
    /// podman#25112): the study starts and stops each machine around its own segment of every repetition.
    /// </summary>
    public bool ExclusiveActive => true;

    /// <summary>Pause, freeze or sleep (see <see cref="MachineFaultInjector"/> for how, and what is unsupported).</summary>
    public IFaultInjector Faults(ProviderContext ctx) => new MachineFaultInjector(provider, MachineName);

    /// <summary>The machine's VMM processes now: vfkit and Apple's VM service (applehv), or krunkit (libkrun).</summary>
    public async Task<IReadOnlyList<SampledProcess>> ProcessesToSampleAsync(ProviderContext ctx, ProbeSession? session, CancellationToken ct)
    {
        try { return ProcessTable.VmmOf(await ProcessTable.ListAsync(ct), Helper, MachineName).Select(p => new SampledProcess(p.Executable, p.Pid)).ToList(); }
        catch (StudyException) { return []; }
    }

    /// <summary>A container on the machine, given the render device (libkrun: Venus; applehv has no GPU for Linux guests).</summary>
    public Gpu.GpuTarget GpuTarget(string? image, string? volume) =>
        Gpu.GpuTarget.Container(Name, new PodmanCommands(image ?? Gpu.GpuTarget.DefaultMachineImageRef(), false, "gpu", MachineName), volume);

    public async Task<string?> UnavailableReasonAsync(CancellationToken ct)
    {
        var host = HostPlatform.Current();
        if (host is not (HostKind.MacAppleSilicon or HostKind.MacIntel))
            return MachineAvailability.Reason(provider, host, null, null);
        var version = await _cli.VersionAsync(ct);
        string? helper = HelperBinary.Find(Helper);
        string? helperVersion = helper is null ? null : await HelperBinary.VersionAsync(helper, ct);
        return MachineAvailability.Reason(provider, host, version, helper, helperVersion);
    }

    public async Task<ProviderInfo> StartAsync(ProviderContext ctx, CancellationToken ct)
    {
        var settings = MachineSettings.FromEnvironment();
        var version = await _cli.VersionAsync(ct) ?? throw new StudyException("podman is not installed");
        _ = HelperBinary.Find(Helper) ?? throw new StudyException($"{Helper} not found: {(provider == "libkrun" ? MachineAvailability.KrunkitRemedy : "reinstall podman")}");
        string guestProbe = settings.GuestProbeFor(ctx.ProbePath);
        if (!File.Exists(guestProbe))
            throw new StudyException($"the linux-arm64 probe {guestProbe} is missing (publish it: see docs/mac.md, or set FSBENCH_GUEST_PROBE)");

        var cmds = new MachineCommands(provider, MachineName, version);
        var cost = await MachineLifecycle.BringUpAsync(_cli, cmds, settings, ct);
        var machine = (await InspectAsync(cmds, ct)) ?? throw new StudyException($"{MachineName} is not there after start");

        string root = Path.Combine(settings.Workspace, ctx.RunId, provider);
        var state = new MachineState
        {
            Provider = provider, Machine = MachineName, Connection = cmds.Connection, Image = settings.Image,
            HostDir = Directory.CreateDirectory(Path.Combine(root, "scratch")).FullName,
            ProbeDir = Directory.CreateDirectory(Path.Combine(root, "probe")).FullName,
        };
        File.Copy(guestProbe, Path.Combine(state.ProbeDir, "fsprobe"), overwrite: true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(state.ProbeDir, "fsprobe"), (UnixFileMode)0b111_101_101);

        var containers = new PodmanCommands(settings.Image, false, ctx.RunId, cmds.Connection);
        if (!(await Tool.RunAsync(podman, containers.ImageExists(), ct)).IsSuccess)
            cost[StartupCosts.ImagePull.SettingKey] = Seconds((await Timed(() => Tool.OutputAsync(podman, containers.PullImage(), ct, TimeSpan.FromMinutes(15)))));
        await Tool.OutputAsync(podman, containers.CreateVolume(), ct);
        state.Write(ctx);

        var reader = Sampling.IProcessReader.ForThisHost();
        var first = new List<Sampling.ProcSample>();
        foreach (var p in await ProcessesToSampleAsync(ctx, null, ct))
            if (await reader.ReadAsync(p, 0, ct) is { } sample) first.Add(sample);
        string? disk = (await ProcessTable.ListAsync(ct))
            .Where(p => p.Executable == Helper && p.CommandLine.Contains(MachineName, StringComparison.Ordinal))
            .Select(p => ProcessTable.DiskPathFromCommandLine(p.CommandLine)).FirstOrDefault(d => d is not null);

        var versions = new Dictionary<string, string>(await MacHostFacts.VersionsAsync(ct)) { ["podman"] = version.Text };
        foreach (var (k, v) in MacHostFacts.FromRunningVmm(await ProcessTable.ListAsync(ct), Helper, MachineName, versions.GetValueOrDefault(Helper)))
            cost[k] = v;
        var recorded = new Dictionary<string, string>(cost)
        {
            ["machine"] = MachineName, ["connection"] = cmds.Connection, ["image"] = settings.Image,
            ["cpus"] = machine.Cpus.ToString(CultureInfo.InvariantCulture), ["memory_mib"] = machine.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            ["disk_gib"] = machine.DiskGiB.ToString(CultureInfo.InvariantCulture), ["rootful"] = machine.Rootful ? "true" : "false",
            ["provider_selected_by"] = version.HasProviderFlag ? "init --provider" : MachineCommands.ProviderVar,
            ["workspace"] = state.HostDir, ["disk_used_kib"] = (await DiskUsedKiBAsync(disk, ct)).ToString(CultureInfo.InvariantCulture),
            ["vmm_processes_at_start"] = string.Join(";", first.Select(s => $"{s.Role}:{s.Pid}:fds={s.OpenFds}:rss_kib={s.RssKiB}")),
        };
        var faults = new MachineFaultInjector(provider, MachineName);
        foreach (var f in FaultNames.All)
            recorded[$"fault_{f.Name()}"] = faults.Supported.TryGetValue(f, out var how) ? how : "unsupported: " + faults.WhyNot(f);
        string accel = provider == "libkrun" ? "hypervisor (Hypervisor.framework, krunkit)" : "hypervisor (Virtualization.framework, vfkit)";
        return new ProviderInfo(accel, versions, recorded);
    }

    public async Task<ProbeSession> OpenSessionAsync(ProviderContext ctx, string mount, CancellationToken ct)
    {
        var state = MachineState.Read(ctx, provider) ?? throw new StudyException($"{provider} was not started (no {MachineState.PathFor(ctx, provider)})");
        var cmds = new PodmanCommands(state.Image, false, ctx.RunId, state.Connection);
        var args = cmds.RunProbe(mount, state.HostDir, state.ProbeDir);
        var session = new ProbeSession(new ProcessChannel(Cli.Wrap(podman).WithArguments(args)), ".", ctx.BatchTimeout, hostShareDir: HostShareDir(ctx, mount));
        await session.HelloAsync(ct);
        return session;
    }

    public bool HostWritesShare(string mount) => mount == MountModes.Bind;

    /// <summary>The bind mount is the macOS directory the machine shares (virtio-fs from vfkit or krunkit).</summary>
    public string? HostShareDir(ProviderContext ctx, string mount) =>
        mount == MountModes.Bind ? MachineState.Read(ctx, provider)?.HostDir : null;

    public async Task StopAsync(ProviderContext ctx, CancellationToken ct)
    {
        var state = MachineState.Read(ctx, provider);
        var version = await _cli.VersionAsync(ct);
        if (version is null) return;
        var cmds = new MachineCommands(provider, MachineName, version);
        if (state is not null)
        {
            await PodmanContainers.RemoveOwnAsync(podman, new PodmanCommands(state.Image, false, ctx.RunId, state.Connection), ct);
            TryDelete(Path.GetDirectoryName(state.HostDir)!);
        }
        var settings = MachineSettings.FromEnvironment();
        if (settings.Managed) return;   // mac-study stops it, timed
        await _cli.RunAsync(cmds.Stop(), ct, TimeSpan.FromMinutes(5));
        if (!settings.Keep) await _cli.RunAsync(cmds.Remove(), ct, TimeSpan.FromMinutes(5));
    }

    private async Task<MachineInspect?> InspectAsync(MachineCommands cmds, CancellationToken ct)
    {
        var (r, _) = await _cli.RunAsync(cmds.Inspect(), ct, TimeSpan.FromMinutes(1));
        return r.IsSuccess ? MachineInspect.Parse(r.StandardOutput).FirstOrDefault() : null;
    }

    /// <summary>The machine's disk image as the Mac stores it: sparse, so `du -k` (blocks in use), not its length.</summary>
    private static async Task<long> DiskUsedKiBAsync(string? imagePath, CancellationToken ct)
    {
        if (imagePath is null || !File.Exists(imagePath)) return -1;
        var r = await Tool.RunAsync("du", ["-k", imagePath], ct, TimeSpan.FromSeconds(30));
        return r.IsSuccess && long.TryParse(r.StandardOutput.Split('\t', ' ')[0], out long kib) ? kib : -1;
    }

    private static async Task<TimeSpan> Timed(Func<Task> action)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await action();
        return sw.Elapsed;
    }

    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* left for the user; named in docs/mac.md */ }
    }
}
