namespace FsBench.Host.Providers.Podman;

/// <summary>The containers a run made (labelled with its id), on the local podman or on a machine's connection.</summary>
public static class PodmanContainers
{
    public static async Task<IReadOnlyList<string>> OwnAsync(string podman, PodmanCommands cmds, CancellationToken ct) =>
        (await Tool.RunAsync(podman, cmds.ListOwnContainers(), ct, TimeSpan.FromSeconds(20))).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Removes the run's containers, then its volume.</summary>
    public static async Task RemoveOwnAsync(string podman, PodmanCommands cmds, CancellationToken ct)
    {
        var ids = await OwnAsync(podman, cmds, ct);
        if (ids.Count > 0) await Tool.RunAsync(podman, cmds.RemoveContainers(ids), ct);
        await Tool.RunAsync(podman, cmds.RemoveVolume(), ct);
    }

    /// <summary>Each of the run's containers: its conmon and its first process (podman inspect).</summary>
    public static async Task<IReadOnlyList<SampledProcess>> ProcessesAsync(string podman, PodmanCommands cmds, CancellationToken ct)
    {
        var list = new List<SampledProcess>();
        foreach (var id in await OwnAsync(podman, cmds, ct))
        {
            var r = await Tool.RunAsync(podman, [.. cmds.Connect(), "inspect", "--format", "{{.State.ConmonPid}} {{.State.Pid}}", id], ct, TimeSpan.FromSeconds(20));
            var f = r.StandardOutput.Trim().Split(' ');
            if (f.Length != 2 || !int.TryParse(f[0], out int conmon) || !int.TryParse(f[1], out int pid)) continue;
            if (conmon > 0) list.Add(new SampledProcess("conmon", conmon));
            if (pid > 0) list.Add(new SampledProcess("container", pid));
        }
        return list;
    }
}
