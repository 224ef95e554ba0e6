using FsBench.Host.Providers;
using FsBench.Host.Providers.Podman;

namespace FsBench.Tests.Host;

/// <summary>A killed run's containers and volumes are removed by the next run, by their owner label; live runs' stay.</summary>
public sealed class PodmanLeftoversTests
{
    [Fact]
    public void Only_entries_whose_owner_process_is_gone_are_stale()
    {
        string listing = "abc123 4242\nlive1 7\nfsbench-r1 999999\nnolabel <no value>\n\n";
        var stale = PodmanContainers.Stale(listing, pid => pid == 7);
        Assert.Equal(["abc123", "fsbench-r1"], stale);
    }

    [Fact]
    public void Containers_and_volumes_carry_the_owner_label_and_the_listing_asks_for_it()
    {
        var cmds = new PodmanCommands("img", UseRunc: false, RunId: "r1");
        string owner = $"fsbench.owner={Environment.ProcessId}";
        Assert.Contains(owner, cmds.RunProbe(MountModes.Bind, "/s", "/p"));
        Assert.Contains(owner, cmds.CreateVolume());
        Assert.Contains("label=fsbench.owner", cmds.ListOwnedVolumes());
        Assert.Contains("{{.Name}} {{index .Labels \"fsbench.owner\"}}", cmds.ListOwnedVolumes());
        Assert.Contains("{{.ID}} {{index .Labels \"fsbench.owner\"}}", cmds.ListOwnedContainers());
    }

    [RequiresFact("podman")]
    public async Task A_volume_left_by_a_dead_process_is_removed_and_a_live_ones_stays()
    {
        string dead = $"fsbench-leftover-test-{Environment.ProcessId}-dead", live = $"fsbench-leftover-test-{Environment.ProcessId}-live";
        int deadPid = DeadPid();
        await Tool.RunAsync("podman", ["volume", "create", "--label", $"{PodmanCommands.OwnerKey}={deadPid}", dead], CancellationToken.None);
        await Tool.RunAsync("podman", ["volume", "create", "--label", PodmanCommands.OwnerLabel, live], CancellationToken.None);
        try
        {
            var removed = await PodmanContainers.RemoveLeftoversAsync("podman", new PodmanCommands("img", false, "leftover-test"), CancellationToken.None);
            // Another test's podman start may run the same clean-up at the same time and take the dead volume first:
            // what must hold is that it is gone and the live one stays.
            Assert.DoesNotContain(live, removed);
            Assert.False((await Tool.RunAsync("podman", ["volume", "exists", dead], CancellationToken.None)).IsSuccess);
            Assert.True((await Tool.RunAsync("podman", ["volume", "exists", live], CancellationToken.None)).IsSuccess);
        }
        finally
        {
            await Tool.RunAsync("podman", ["volume", "rm", "--force", dead, live], CancellationToken.None);
        }
    }

    /// <summary>A PID no process has: a short-lived child's, after it was reaped.</summary>
    private static int DeadPid()
    {
        using var p = System.Diagnostics.Process.Start("true")!;
        p.WaitForExit();
        return p.Id;
    }
}
