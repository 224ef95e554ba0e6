using CliWrap;
using FsBench.Host.Channel;

namespace FsBench.Host.Providers.Podman;

/// <summary>
/// The probe in a Podman container, its workspace a bind mount, an overlay (:O) or a named volume.
/// A fresh container per session (podman run -i), labelled with the run id so Stop removes only the study's own.
/// </summary>
public sealed class PodmanProvider(string image = PodmanImage.DefaultName, string podman = "podman") : IProvider
{
    public string Name => "podman";
    public IReadOnlyList<string> Mounts => MountModes.All;

    private static PodmanCommands Commands(ProviderContext ctx, string image) =>
        new(image, OperatingSystem.IsLinux() && Tool.OnPath("runc"), ctx.RunId);

    public async Task<string?> UnavailableReasonAsync(CancellationToken ct)
    {
        if (!Tool.OnPath(podman)) return "podman is not installed (apt-get install podman runc, or brew install podman)";
        var info = await Tool.RunAsync(podman, ["info", "--format", "{{.Host.OCIRuntime.Name}}"], ct);
        return info.IsSuccess ? null : $"podman info failed: {Tool.LastLine(info.StandardError)}";
    }

    public async Task<ProviderInfo> StartAsync(ProviderContext ctx, CancellationToken ct)
    {
        var cmds = Commands(ctx, image);
        await PodmanImage.EnsureAsync(podman, cmds, ctx.ProbePath, ctx.StateDir, ct);
        var leftovers = await PodmanContainers.RemoveLeftoversAsync(podman, cmds, ct);
        if (leftovers.Count > 0) Console.WriteLine($"// fsbench: podman: removed {leftovers.Count} container(s)/volume(s) a killed run left: {string.Join(", ", leftovers)}");
        await Tool.OutputAsync(podman, [.. cmds.CreateVolume()], ct);
        ctx.HostScratch(Name);
        string version = (await Tool.OutputAsync(podman, PodmanCommands.Version(), ct)).Trim();
        var runtime = (await Tool.RunAsync(podman, [.. cmds.Global(), "info", "--format", "{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Version}} | {{.Store.GraphDriverName}}"], ct)).StandardOutput.Trim();
        return new ProviderInfo("container",
            new() { ["podman"] = version, ["runtime"] = runtime.Split('\n')[0] },
            new() { ["image"] = image, ["volume"] = cmds.VolumeName, ["runtime_flag"] = cmds.UseRunc ? "runc" : "default" });
    }

    public async Task<ProbeSession> OpenSessionAsync(ProviderContext ctx, string mount, CancellationToken ct)
    {
        var cmds = Commands(ctx, image);
        var args = cmds.RunProbe(mount, ctx.HostScratch(Name), Path.GetDirectoryName(ctx.ProbePath)!);
        var session = new ProbeSession(new ProcessChannel(Cli.Wrap(podman).WithArguments(args)), ".", ctx.BatchTimeout, hostShareDir: ((IProvider)this).HostShareDir(ctx, mount));
        await session.HelloAsync(ct);
        return session;
    }

    /// <summary>The bind mount is the host directory itself (the default HostShareDir); the overlay's writes and the named volume are not.</summary>
    public bool HostWritesShare(string mount) => mount == MountModes.Bind;

    public Task StopAsync(ProviderContext ctx, CancellationToken ct) => PodmanContainers.RemoveOwnAsync(podman, Commands(ctx, image), ct);

    /// <summary>Each of this run's containers: its conmon and its first process.</summary>
    public Task<IReadOnlyList<SampledProcess>> ProcessesToSampleAsync(ProviderContext ctx, ProbeSession? session, CancellationToken ct) =>
        PodmanContainers.ProcessesAsync(podman, Commands(ctx, image), ct);

    public Gpu.GpuTarget GpuTarget(string? image, string? volume) =>
        Gpu.GpuTarget.Container(Name, new PodmanCommands(image ?? PodmanImage.DefaultName, OperatingSystem.IsLinux() && Tool.OnPath("runc"), "gpu"), volume);
}
