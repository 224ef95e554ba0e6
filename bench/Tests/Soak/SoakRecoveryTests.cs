using FsBench.Host.Providers.Faults;
using FsBench.Host.Soak;

namespace FsBench.Tests.Soak;

/// <summary>Recovery times computed on synthetic per-second series.</summary>
public class SoakRecoveryTests
{
    /// <summary>One-second windows ending at 1..n s: 100 successful ops each unless told otherwise.</summary>
    private static List<TimeSeriesRow> Series(int seconds, Action<int, TimeSeriesRow>? change = null) =>
        Enumerable.Range(1, seconds).Select(t =>
        {
            var p = new TimeSeriesRow { TS = t, Window = t - 1, Ops = 100, HostMs = 1000, Root = SoakWindow.Ok };
            change?.Invoke(t, p);
            return p;
        }).ToList();

    [Fact]
    public void After_a_pause_recovery_ends_at_the_first_healthy_window_at_the_pre_fault_rate()
    {
        // Paused from 10 s to 15 s: the window in flight returns late (a stall), then two backlog windows are slow.
        var points = Series(30, (t, p) =>
        {
            if (t == 15) (p.HostMs, p.Classes) = (5000, "stall");
            if (t is 16 or 17) (p.Stalls, p.Classes) = (20, "stall");
        });
        var r = RecoveryCalculator.Of(new AppliedFault("pause#1", Fault.Pause, 10, 15), points, []);
        Assert.Equal(100, r.BaselineOpsPerS);
        Assert.Equal(18, r.RecoveredAtS);
        Assert.Equal(3, r.RecoverySeconds);
    }

    [Fact]
    public void A_window_below_the_pre_fault_rate_does_not_count_as_recovered()
    {
        var points = Series(30, (t, p) => { if (t is 21 or 22) p.Ops = 50; });
        var r = RecoveryCalculator.Of(new AppliedFault("stall#1", Fault.Stall, 18, 20), points, []);
        Assert.Equal(23, r.RecoveredAtS);
    }

    [Fact]
    public void Errors_after_the_fault_delay_recovery()
    {
        var points = Series(30, (t, p) => { if (t is 21) (p.Failures, p.Classes) = (3, "operation_error"); });
        var r = RecoveryCalculator.Of(new AppliedFault("stall#1", Fault.Stall, 18, 20), points, []);
        Assert.Equal(2, r.RecoverySeconds);
    }

    [Fact]
    public void A_kill_followed_by_a_lost_channel_never_recovers()
    {
        var points = Series(20);
        points.Add(SoakWindow.ChannelLost(50, 20, 30_000, "kill#1"));
        var r = RecoveryCalculator.Of(new AppliedFault("kill#1", Fault.Kill, 20.2, 20.2), points, []);
        Assert.Null(r.RecoverySeconds);
        Assert.Equal("never", r.Note);
    }

    [Fact]
    public void A_fault_still_applied_at_the_end_never_recovers()
    {
        var r = RecoveryCalculator.Of(new AppliedFault("pause#3", Fault.Pause, 25, null), Series(30), []);
        Assert.Null(r.RecoverySeconds);
        Assert.StartsWith("never", r.Note);
    }

    [Fact]
    public void Without_clean_windows_before_the_fault_the_baseline_comes_from_clean_windows_elsewhere()
    {
        var points = Series(20, (t, p) => { if (t <= 5) (p.Stalls, p.Classes) = (1, "stall"); });
        var r = RecoveryCalculator.Of(new AppliedFault("pause#1", Fault.Pause, 1, 3), points, []);
        Assert.Equal(100, r.BaselineOpsPerS);
        Assert.Equal(6, r.RecoveredAtS);
    }
}
