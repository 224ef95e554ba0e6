using System.Globalization;
using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Podman;

namespace FsBench.Host.Soak;

/// <summary>
/// Which host processes to sample for a provider: what it says itself (<see cref="IProcessesToSample"/>), otherwise
/// for podman the container's conmon and its first process (podman inspect), for QEMU the PID files in its state
/// (qemu, virtiofsd and virtiofsd's sandboxed child), for local the probe itself.
/// </summary>
public static class ProcessesOfProvider
{
    public static async Task<IReadOnlyList<SampledProcess>> FindAsync(IProvider provider, ProviderContext ctx, ProbeSession? session, CancellationToken ct)
    {
        if (provider is IProcessesToSample own) return own.ProcessesToSample(ctx);
        return provider switch
        {
            Providers.Qemu.QemuProvider q => Qemu(ctx, q.Name),
            Providers.Podman.PodmanProvider => await PodmanAsync(ctx, ct),
            Providers.Local.LocalProvider => session?.Channel is ProcessChannel pc && pc.ProcessId > 0 ? [new SampledProcess("probe", pc.ProcessId)] : [],
            _ => [],
        };
    }

    private static async Task<IReadOnlyList<SampledProcess>> PodmanAsync(ProviderContext ctx, CancellationToken ct)
    {
        var cmds = new PodmanCommands(PodmanImage.DefaultName, false, ctx.RunId);
        var ids = (await Tool.RunAsync("podman", cmds.ListOwnContainers(), ct, TimeSpan.FromSeconds(20))).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var list = new List<SampledProcess>();
        foreach (var id in ids)
        {
            var r = await Tool.RunAsync("podman", ["inspect", "--format", "{{.State.ConmonPid}} {{.State.Pid}}", id], ct, TimeSpan.FromSeconds(20));
            var f = r.StandardOutput.Trim().Split(' ');
            if (f.Length == 2 && int.TryParse(f[0], out int conmon) && int.TryParse(f[1], out int pid))
            {
                if (conmon > 0) list.Add(new SampledProcess("conmon", conmon));
                if (pid > 0) list.Add(new SampledProcess("container", pid));
            }
        }
        return list;
    }

    /// <summary>QEMU, and virtiofsd's monitor and sandboxed worker (the C virtiofsd runs as two processes).</summary>
    private static IReadOnlyList<SampledProcess> Qemu(ProviderContext ctx, string provider)
    {
        var state = Providers.Qemu.QemuState.For(ctx, provider);
        return [.. Providers.Qemu.QemuVm.Pids(state).Select(p => new SampledProcess("qemu", p)),
                .. Providers.Qemu.VirtiofsdProcess.Pids(state).Select(p => new SampledProcess("virtiofsd", p))];
    }

    public static string Describe(IEnumerable<SampledProcess> ps) =>
        string.Join(", ", ps.Select(p => $"{p.Role} {p.Pid.ToString(CultureInfo.InvariantCulture)}"));
}
