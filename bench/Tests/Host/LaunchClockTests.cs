using FsBench.Host.Benchmarks;
using FsBench.Protocol;
using Xunit;

namespace FsBench.Tests.Host;

/// <summary>The run log's account of a launch: its batches' round trips, of which the probe's own timed wall time.</summary>
public sealed class LaunchClockTests
{
    [Fact]
    public void A_launch_counts_its_batches_and_sums_the_probes_timed_wall_time()
    {
        var clock = new LaunchClock();
        clock.Opening(() => 0);
        clock.Batch(() => new BatchResult { WallNs = 1_250_000_000 });
        clock.Batch(() => new BatchResult { WallNs = 250_000_000 });
        clock.CleaningUp(() => "");
        string line = clock.ToString();
        Assert.Contains("2 batches", line);
        Assert.Contains("(timed 1.50 s)", line);
    }

    [Fact]
    public void A_batch_that_throws_still_counts_its_time_and_the_exception_reaches_the_caller()
    {
        var clock = new LaunchClock();
        Assert.Throws<TimeoutException>(() => clock.Batch(() => throw new TimeoutException()));
        Assert.Contains("0 batches", clock.ToString());
    }
}
