using Analysis.Decision;
using FsBench.RunFormat;

namespace Analysis.Tests;

/// <summary>
/// The watchdog verdict's descriptor growth, on constructed samples (clearly synthetic): a file server's count swings with
/// the working set the guest knows, so a transient tree is not a leak, and a leak is what stays once the working set is
/// made anew. The shapes are those of the rehearsal soaks of 2026-12-02 (virtiofsd 881 → 5,795 → 808 → 881 around two
/// known-bug passes with the `none` model, which the least-squares slope read as +104,107 descriptors an hour).
/// </summary>
public sealed class DescriptorGrowthTests
{
    private const double Limit = 61_440;

    /// <summary>One virtiofsd sample a second for 92 s: the base count, plus what <paramref name="extra"/> adds at t.</summary>
    private static List<VmmRow> Samples(int baseFds, Func<int, int> extra) =>
        Enumerable.Range(0, 92).Select(t => new VmmRow { TS = t, Role = "virtiofsd", Pid = 7, OpenFds = baseFds + extra(t) }).ToList();

    /// <summary>Two known-bug passes under load, each a 5,000-entry tree made and removed (the second late in the soak).</summary>
    private static int Passes(int t) => t is >= 30 and < 58 ? 5_000 * Math.Min(t - 30, 10) / 10 : t is >= 66 and < 88 ? 5_000 * Math.Min(t - 66, 10) / 10 : 0;

    [Fact]
    public void A_transient_tree_is_no_leak_once_the_working_set_is_made_anew()
    {
        var growth = DescriptorGrowth.Of(Samples(881, Passes), Limit, restoredAtS: 90.6);
        Assert.False(growth.Leaks);
        Assert.Equal((881.0, 881.0), (growth.First, growth.Last));
        Assert.Contains("no growth", growth.Text);
    }

    [Fact]
    public void Descriptors_that_stay_after_the_restore_are_a_leak_with_their_pace()
    {
        // One descriptor leaked every 0.25 s (the AVF model's fd_leak at the soak's pace), on top of the same passes.
        var growth = DescriptorGrowth.Of(Samples(881, t => Passes(t) + t * 4), Limit, restoredAtS: 90.6);
        Assert.True(growth.Leaks);
        Assert.Equal(881 + 91 * 4, growth.Last);
        Assert.Equal(4 * 3600, growth.PerHour, 1e-6);
    }

    [Fact]
    public void Without_a_restore_the_slope_after_the_settling_seconds_is_used()
    {
        var steady = DescriptorGrowth.Of(Samples(881, t => t * 4), Limit);
        Assert.True(steady.Leaks);
        Assert.Equal(4 * 3600, steady.PerHour, 1e-6);
        Assert.False(DescriptorGrowth.Of(Samples(881, _ => 0), Limit).Leaks);
    }

    /// <summary>The last sweeps of that soak: 90.525 s and 91.293 s (after the restore) are two sweeps, not one second's double count.</summary>
    [Fact]
    public void Two_sweeps_within_one_rounded_second_are_not_added_together()
    {
        VmmRow Row(double t, string role, int pid, int fds) => new() { TS = t, Role = role, Pid = pid, OpenFds = fds };
        var rows = Samples(881, _ => 0).Select(r => { r.TS += 0.5; return r; }).Where(r => r.TS < 90).ToList();
        rows.AddRange([Row(90.523, "qemu", 5, 0), Row(90.525, "virtiofsd", 7, 837), Row(91.293, "qemu", 5, 0), Row(91.294, "virtiofsd", 7, 881)]);
        var sweeps = DescriptorGrowth.Sweeps(rows);
        Assert.Equal((91.293, 881.0), sweeps[^1]);
        Assert.Equal((90.523, 837.0), sweeps[^2]);
        Assert.False(DescriptorGrowth.Of(rows, Limit, restoredAtS: 91.288).Leaks);
    }

    /// <summary>The standard rehearsal's last samples: virtiofsd at 309.459 s and again at 309.502 s, 43 ms apart; counted once.</summary>
    [Fact]
    public void A_process_sampled_twice_within_a_sweep_is_counted_once()
    {
        VmmRow Row(double t, string role, int pid, int fds) => new() { TS = t, Role = role, Pid = pid, OpenFds = fds };
        var sweeps = DescriptorGrowth.Sweeps([Row(309.459, "virtiofsd", 24767, 2518), Row(309.5, "qemu", 24765, 96),
            Row(309.502, "virtiofsd", 24759, 8), Row(309.502, "virtiofsd", 24767, 2518)]);
        Assert.Equal((309.459, 2518.0 + 96 + 8), Assert.Single(sweeps));
    }
}
