using FsBench.Host.Providers.Machine;

namespace FsBench.Tests.Machine;

/// <summary>Freeze windows: recorded across processes, holding back podman machine commands, owning the failures inside them.</summary>
public sealed class FreezeLedgerTests : TempDirTest
{
    [Fact]
    public async Task No_machine_command_starts_during_a_freeze_and_the_window_is_recorded_at_the_thaw()
    {
        FreezeLedger.Begin(Tmp.Path, "fsbench-libkrun");
        Assert.Equal(["fsbench-libkrun"], FreezeLedger.Frozen(Tmp.Path));
        var said = new List<string>();
        var wait = FreezeLedger.WaitUntilThawedAsync(Tmp.Path, TimeSpan.FromMinutes(5), said.Add, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(wait.IsCompleted);
        Assert.Contains("fsbench-libkrun", Assert.Single(said));

        var w = FreezeLedger.End(Tmp.Path, "fsbench-libkrun")!;
        await wait.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(FreezeLedger.Frozen(Tmp.Path));
        Assert.Equal(w, Assert.Single(FreezeLedger.Read(Tmp.Path)));
        // Task.Delay may end a timer tick early: the window spans the 2 s wait, give or take that tick.
        Assert.True(w.EndUtc - w.StartUtc >= TimeSpan.FromSeconds(1.9), $"window {(w.EndUtc - w.StartUtc).TotalSeconds:0.000} s");
    }

    [Fact]
    public void A_failure_inside_a_window_or_its_grace_is_the_freezes_and_one_after_is_not()
    {
        var t0 = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Utc);
        var windows = new[] { new FreezeWindow("fsbench-libkrun", t0, t0.AddSeconds(20)) };
        Assert.NotNull(FreezeLedger.Covering(windows, t0.AddSeconds(5), TimeSpan.FromSeconds(10)));
        Assert.NotNull(FreezeLedger.Covering(windows, t0.AddSeconds(28), TimeSpan.FromSeconds(10)));   // gvproxy's retries after SIGCONT
        Assert.Null(FreezeLedger.Covering(windows, t0.AddSeconds(31), TimeSpan.FromSeconds(10)));
        Assert.Null(FreezeLedger.Covering(windows, t0.AddSeconds(-1), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_freeze_that_is_never_thawed_ends_the_wait_with_a_one_line_error()
    {
        FreezeLedger.Begin(Tmp.Path, "fsbench-applehv");
        var e = await Assert.ThrowsAsync<FsBench.Host.Study.StudyException>(() =>
            FreezeLedger.WaitUntilThawedAsync(Tmp.Path, TimeSpan.FromSeconds(1), null, CancellationToken.None));
        Assert.Contains("fsbench-applehv still frozen", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
