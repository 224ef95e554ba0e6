using FsBench.Host.Providers;
using FsBench.Host.Providers.Podman;
using FsBench.Protocol;

namespace FsBench.Tests.Host;

/// <summary>The probe in real Podman containers, in each mount mode.</summary>
public sealed class PodmanProviderTests : TempDirTest
{
    [RequiresFact("podman")]
    public async Task The_probe_runs_in_a_container_in_every_mount_mode_and_only_bind_reaches_the_host()
    {
        var provider = new PodmanProvider();
        var ctx = new ProviderContext($"test{Environment.ProcessId}", Path.Combine(Tmp.Path, "state"), Tmp.Path,
            Requirements.AotProbe, TimeSpan.FromSeconds(120));
        Directory.CreateDirectory(ctx.StateDir);
        await provider.StartAsync(ctx, CancellationToken.None);
        try
        {
            string hostDir = ctx.HostScratch("podman");
            foreach (var mount in MountModes.All)
            {
                await using var session = await provider.OpenSessionAsync(ctx, mount, CancellationToken.None);
                var batch = await session.RunBatchAsync("create", 50, 2, Layouts.Private, 50);
                Assert.True(batch.Failures == 0, $"{mount}: {string.Join(",", batch.Errnos)}");
                Assert.Equal(50, batch.Ops);

                bool visibleOnHost = Directory.EnumerateDirectories(hostDir, "fsprobe-*").Any();
                Assert.Equal(mount == MountModes.Bind, visibleOnHost);   // :O discards writes, a volume lives elsewhere
                await session.CleanupAsync();
            }
            Assert.Empty(Directory.EnumerateFileSystemEntries(hostDir));
        }
        finally
        {
            await provider.StopAsync(ctx, CancellationToken.None);
        }
    }
}
