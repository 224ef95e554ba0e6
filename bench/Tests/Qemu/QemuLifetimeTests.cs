using System.Diagnostics;
using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Qemu;
using FsBench.Protocol;
using Xunit.Abstractions;

namespace FsBench.Tests.Qemu;

/// <summary>Killing virtiofsd under load, and what a restart in the same state directory finds: each test boots its own guest.</summary>
[Collection("qemu")]
public sealed class QemuLifetimeTests(ITestOutputHelper output) : TempDirTest
{
    [RequiresFact("qemu")]
    public async Task Killing_virtiofsd_mid_batch_ends_the_batch_in_errnos_or_a_channel_error_without_hanging_and_a_restart_cleans_up()
    {
        var provider = new QemuProvider(QemuTransport.VirtioFs);
        var ctx = QemuGuestFixture.NewContext(Tmp.Path, TimeSpan.FromSeconds(30));
        var state = QemuState.For(ctx, provider.Name);
        await provider.StartAsync(ctx, CancellationToken.None);
        try
        {
            int oldQemu = QemuVm.Pids(state).Single();
            var faults = provider.Faults(ctx);
            Assert.Equal(2, ((QemuFaultInjector)faults).ServerPids().Count);   // virtiofsd's monitor and its sandboxed worker

            var session = await provider.OpenSessionAsync(ctx, MountModes.Bind, CancellationToken.None);
            int count = await QemuGuestTests.CountForSecondsAsync(session, "mkdir", 6);
            var clock = Stopwatch.StartNew();
            var batch = session.RunBatchAsync("mkdir", count, 1, Layouts.Private, 256);
            await Task.Delay(1500);
            await faults.StartAsync(FsBench.Host.Providers.Faults.Fault.Kill, null, CancellationToken.None);
            try
            {
                var r = await batch.WaitAsync(TimeSpan.FromSeconds(90));
                output.WriteLine($"batch ended after {clock.Elapsed.TotalSeconds:0.0} s: {r.Ops} ops, {r.Failures} failures: {string.Join(",", r.Errnos)}");
                Assert.True(r.Failures > 0, "the batch survived a dead server");
                Assert.NotEmpty(r.Errnos);
                Assert.True(r.Ops - r.Failures > 0, "what was measured before the kill is kept");
            }
            catch (ProbeChannelException e)
            {
                output.WriteLine($"channel failed after {clock.Elapsed.TotalSeconds:0.0} s: {e.Message}");
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
            }
            await session.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Empty(((QemuFaultInjector)faults).ServerPids());

            // A second start in the same state directory (as after a killed run) ends the old VM and boots a fresh one.
            await new QemuProvider(QemuTransport.VirtioFs).StartAsync(ctx, CancellationToken.None);
            Assert.False(ProcessTable.IsAlive(oldQemu), "the stale VM is still running");
            await using var fresh = await provider.OpenSessionAsync(ctx, MountModes.Bind, CancellationToken.None);
            var ok = await fresh.RunBatchAsync("mkdir", 50, 1, Layouts.Private, 50);
            Assert.Equal(0, ok.Failures);
            await fresh.CleanupAsync();
        }
        finally
        {
            await provider.StopAsync(ctx, CancellationToken.None);
        }
        Assert.Empty(QemuVm.Pids(state));
        Assert.Empty(VirtiofsdProcess.Pids(state));
        Assert.All(state.Files, f => Assert.False(File.Exists(f), $"{f} was left behind"));
    }

    [RequiresFact("qemu")]
    public async Task A_session_on_a_guest_that_is_not_running_fails_at_once_with_a_reason()
    {
        var provider = new QemuProvider(QemuTransport.NineP);
        var ctx = QemuGuestFixture.NewContext(Tmp.Path, TimeSpan.FromSeconds(10));
        var e = await Assert.ThrowsAsync<ProbeChannelException>(() => provider.OpenSessionAsync(ctx, MountModes.Bind, CancellationToken.None));
        Assert.Contains("not running", e.Message);
    }
}
