using FsBench.Host.Benchmarks;
using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Qemu;
using FsBench.Host.Study;
using FsBench.Protocol;

namespace FsBench.Tests.Qemu;

/// <summary>The host's restart of a shared guest whose channel died: the next case gets a working session and restarts.csv says why.</summary>
[Collection("qemu")]
public sealed class QemuRestartTests : TempDirTest
{
    [RequiresFact("qemu")]
    public async Task A_dead_guest_is_restarted_for_the_next_case_whether_an_earlier_case_saw_it_die_or_not()
    {
        var provider = new QemuProvider(QemuTransport.NineP);
        var folder = RunFolder.Create(Path.Combine(Tmp.Path, "run"));
        var ctx = new ProviderContext("restarttest", folder.StateDir, Path.Combine(Tmp.Path, "scratch"), Requirements.AotProbe, TimeSpan.FromSeconds(30));
        var state = QemuState.For(ctx, provider.Name);
        await provider.StartAsync(ctx, CancellationToken.None);
        try
        {
            // 1. A case saw the channel die (as MetadataBenchmarks marks it); the next case restarts before opening.
            KillGuest(state);
            folder.MarkChannelFailure(provider.Name, "the guest died mid-batch");
            await AssertWorks(CaseSession.Open(provider, ctx, folder, new CaseKey(provider.Name, MountModes.Bind, "mkdir", 1)));

            // 2. Nobody saw it die: opening fails on the dead guest, and the restart follows at once.
            KillGuest(state);
            await AssertWorks(CaseSession.Open(provider, ctx, folder, new CaseKey(provider.Name, MountModes.Bind, "stat", 1)));

            var rows = File.ReadAllLines(Path.Combine(folder.Dir, "restarts.csv"));
            Assert.Equal("utc,provider,case,reason", rows[0]);
            Assert.Equal(3, rows.Length);
            Assert.Contains("qemu-9p/bind/mkdir/w1,", rows[1]);
            Assert.Contains("the guest died mid-batch", rows[1]);
            Assert.Contains("qemu-9p/bind/stat/w1", rows[2]);
            Assert.Contains("not running", rows[2]);

            // 3. An interrupted run (SIGINT/SIGTERM) stopped its guest: a case neither measures nor restarts it.
            folder.MarkInterrupted();
            KillGuest(state);
            folder.MarkChannelFailure(provider.Name, "the run stopped the guest");
            var refused = Assert.Throws<StudyException>(() => CaseSession.Open(provider, ctx, folder, new CaseKey(provider.Name, MountModes.Bind, "open", 1)));
            Assert.Contains("interrupted", refused.Message);
            Assert.Equal(3, File.ReadAllLines(Path.Combine(folder.Dir, "restarts.csv")).Length);
            Assert.Empty(QemuVm.Pids(state));
        }
        finally { await provider.StopAsync(ctx, CancellationToken.None); }
        Assert.Empty(QemuVm.Pids(state));
    }

    private static void KillGuest(QemuState state)
    {
        var pids = QemuVm.Pids(state);
        Assert.NotEmpty(pids);
        foreach (int pid in pids) ProcessTable.Signal(pid, ProcessTable.SigKill);
        Assert.True(ProcessTable.WaitGoneAsync(pids, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult(), "QEMU did not die");
    }

    private static async Task AssertWorks(ProbeSession session)
    {
        await using (session)
        {
            var r = await session.RunBatchAsync("mkdir", 20, 1, Layouts.Private, 20);
            Assert.Equal((20L, 0L), (r.Ops, r.Failures));
            await session.CleanupAsync();
        }
    }
}
