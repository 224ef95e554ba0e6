using CliWrap;
using FsBench.Host.Channel;

namespace FsBench.Host.Providers.Local;

/// <summary>The floor every ratio is taken against: the probe as a child process on a host directory.</summary>
public sealed class LocalProvider : IProvider
{
    public string Name => "local";
    public IReadOnlyList<string> Mounts => [MountModes.Bind];

    public Task<string?> UnavailableReasonAsync(CancellationToken ct) => Task.FromResult(OperatingSystem.IsLinux() ? null
        : "the probe is a Linux program (statx, l*xattr); on macOS read the podman machines' volume mount as the floor");

    public Task<ProviderInfo> StartAsync(ProviderContext ctx, CancellationToken ct)
    {
        ctx.HostScratch(Name);
        return Task.FromResult(new ProviderInfo("native", new(), new() { ["scratch"] = ctx.HostScratch(Name) }));
    }

    public async Task<ProbeSession> OpenSessionAsync(ProviderContext ctx, string mount, CancellationToken ct)
    {
        var channel = new ProcessChannel(Cli.Wrap(ctx.ProbePath).WithArguments(["--root", ctx.HostScratch(Name)]));
        var session = new ProbeSession(channel, ".", ctx.BatchTimeout, hostShareDir: ((IProvider)this).HostShareDir(ctx, mount));
        await session.HelloAsync(ct);
        return session;
    }

    public Task StopAsync(ProviderContext ctx, CancellationToken ct) => Task.CompletedTask;

    public bool HostWritesShare(string mount) => mount == MountModes.Bind;

    /// <summary>The probe itself: a child process of the host.</summary>
    public Task<IReadOnlyList<SampledProcess>> ProcessesToSampleAsync(ProviderContext ctx, ProbeSession? session, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SampledProcess>>(session?.Channel is ProcessChannel { ProcessId: > 0 } pc ? [new SampledProcess("probe", pc.ProcessId)] : []);

    public Gpu.GpuTarget GpuTarget(string? image, string? volume) => Gpu.GpuTarget.OnHost(Name);
}
