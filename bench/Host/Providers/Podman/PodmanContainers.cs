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

    /// <summary>
    /// Removes what killed runs left: containers and volumes whose owner process (label fsbench.owner) is gone.
    /// Those of live runs (other processes on this machine) stay. Returns what was removed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RemoveLeftoversAsync(string podman, PodmanCommands cmds, CancellationToken ct)
    {
        var containers = Stale((await Tool.RunAsync(podman, cmds.ListOwnedContainers(), ct, TimeSpan.FromSeconds(20))).StandardOutput, ProcessIsAlive);
        if (containers.Count > 0) await Tool.RunAsync(podman, cmds.RemoveContainers(containers), ct);
        var volumes = Stale((await Tool.RunAsync(podman, cmds.ListOwnedVolumes(), ct, TimeSpan.FromSeconds(20))).StandardOutput, ProcessIsAlive);
        if (volumes.Count > 0) await Tool.RunAsync(podman, cmds.RemoveVolumes(volumes), ct);
        return [.. containers, .. volumes];
    }

    /// <summary>From "NAME OWNER" lines, the names whose owner is a PID that is not alive.</summary>
    public static List<string> Stale(string listing, Func<int, bool> isAlive) =>
        listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Where(f => f.Length == 2 && int.TryParse(f[1], out int pid) && pid > 0 && !isAlive(pid))
            .Select(f => f[0]).ToList();

    private static bool ProcessIsAlive(int pid) => Directory.Exists($"/proc/{pid}") || (!OperatingSystem.IsLinux() && IsAliveByKill(pid));

    private static bool IsAliveByKill(int pid)
    {
        try { System.Diagnostics.Process.GetProcessById(pid).Dispose(); return true; }
        catch (ArgumentException) { return false; }
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
