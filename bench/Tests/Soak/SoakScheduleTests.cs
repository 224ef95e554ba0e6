using System.Diagnostics;
using FsBench.Probe.KnownBugs;
using FsBench.Probe.Session;
using FsBench.Probe.Soak;
using FsBench.Protocol;

namespace FsBench.Tests.Soak;

/// <summary>The open-loop schedule: a stall makes the ops scheduled behind it late, and their latency counts the wait.</summary>
public sealed class SoakScheduleTests : TempDirTest
{
    [Fact]
    public void Due_times_and_counts_follow_the_rate()
    {
        var s = new OpenLoopSchedule(originTicks: 1000, rate: 100, ticksPerSecond: 1_000_000);
        Assert.Equal(1000, s.IntendedTicks(0));
        Assert.Equal(1000 + 10_000 * 7, s.IntendedTicks(7));
        Assert.Equal(100, s.CountDueBefore(1_000_000));    // ops 0..99 are due in the first second
        Assert.Equal(1, s.CountDueBefore(1));
        Assert.Equal(0, s.CountDueBefore(0));
    }

    [Fact]
    public void A_five_second_stall_makes_the_following_ops_late_by_the_wait()
    {
        // 100 ops/s, one worker, 1 ms per op, op 10 takes 5 s.
        var service = Enumerable.Range(0, 1000).Select(i => i == 10 ? 5.0 : 0.001).ToArray();
        double[] latency = OpenLoopSchedule.Simulate(rate: 100, workers: 1, service);
        Assert.Equal(0.001, latency[9], 6);
        Assert.Equal(5.0, latency[10], 6);
        Assert.Equal(5.0 - 0.01 + 0.001, latency[11], 6);     // due 10 ms after op 10, started when it ended
        Assert.True(latency[400] > 1, $"op 400 (due at 4 s) still waits: {latency[400]}");
        Assert.True(latency.Skip(11).Take(400).All(l => l > 0.9), "every op scheduled during the stall includes the wait");
        Assert.Equal(0.001, latency[999], 6);                  // the backlog drains at 1000 ops/s of capacity
        // A closed-loop measurement of the same run sees one slow op and nothing else.
        Assert.Equal(1, service.Count(s => s > 1));
    }

    [Fact]
    public void Idle_workers_absorb_a_stall_of_one_worker()
    {
        var service = Enumerable.Range(0, 200).Select(i => i == 10 ? 1.0 : 0.001).ToArray();
        double[] latency = OpenLoopSchedule.Simulate(rate: 100, workers: 2, service);
        Assert.Equal(1.0, latency[10], 6);
        Assert.True(latency.Where((_, i) => i != 10).All(l => l < 0.01));
    }

    [Fact]
    public void The_probe_keeps_the_schedule_across_windows_so_a_stall_at_the_end_of_one_makes_the_next_late()
    {
        var action = new SlowOnce(slowCall: 95, delayMs: 600);
        var runner = Runner(action);
        var req = Request(rate: 100);

        var first = runner.Run(req);
        var second = runner.Run(req);

        Assert.Equal(100, first.Ops);
        Assert.Equal(100, second.Ops);
        Assert.True(first.MaxNs >= 550_000_000, $"the slow op itself: {first.MaxNs / 1e6} ms");
        Assert.True(second.Stalls >= 20, $"ops of the next window were due during the stall: {second.Stalls} stalled");
        Assert.True(second.MaxNs >= 300_000_000, $"their latency includes the wait: {second.MaxNs / 1e6} ms");
        Assert.Equal(0, second.Failures);
    }

    [Fact]
    public void Closed_loop_measures_service_time_only()
    {
        var runner = Runner(new SlowOnce(slowCall: 5, delayMs: 300));
        var reply = runner.Run(Request(rate: 0));
        Assert.Equal("closed", reply.Loop);
        Assert.Equal(1, reply.Stalls);
        Assert.True(reply.Ops > 100);
    }

    [Fact]
    public void Every_mix_action_runs_on_a_real_directory_without_failures()
    {
        var scratch = new ScratchRoot(Tmp.Path);
        var runner = new SoakRunner(scratch, new KnownBugRunner(scratch));
        var req = new ProbeRequest
        {
            Cmd = "soak", Workers = 2, Rate = 400, WindowMs = 500, StallNs = 1_000_000_000, KnownBugRuns = 1,
            Mix = SoakActions.Names.ToDictionary(n => n, _ => 1),
        };
        var reply = runner.Run(req);
        var bugs = reply.KnownBugs;
        for (int i = 0; i < 40 && bugs.Count == 0; i++) bugs = runner.Run(req with { KnownBugRuns = 0 }).KnownBugs;   // the pass runs in the background
        Assert.Equal(200, reply.Ops);
        Assert.True(reply.Failures == 0, string.Join(", ", reply.FirstFailures.Select(f => $"{f.Op} {f.Path} {f.ErrnoName}")));
        Assert.Equal(SoakActions.Names.Order(), reply.OpsByAction.Keys.Order());
        Assert.Equal("OK", reply.RootErrnoName);
        Assert.Equal(KnownBugCatalog.All.Count, bugs.Count);
    }

    [Fact]
    public void The_protocol_and_the_probe_list_the_same_soak_actions() =>
        Assert.Equal(SoakActions.Names.Order(), MixCatalog.Names.Order());

    private SoakRunner Runner(IMixAction action)
    {
        var scratch = new ScratchRoot(Tmp.Path);
        return new SoakRunner(scratch, new KnownBugRunner(scratch), name => name == action.Name ? action : null);
    }

    private static ProbeRequest Request(double rate) => new()
    {
        Cmd = "soak", Workers = 1, Rate = rate, WindowMs = 1000, StallNs = 200_000_000, Mix = new() { ["slow_once"] = 1 },
    };

    /// <summary>An action that does nothing, except that its n-th call sleeps.</summary>
    private sealed class SlowOnce(int slowCall, int delayMs) : IMixAction
    {
        private int _calls;
        public string Name => "slow_once";
        public int Run(MixWorker w)
        {
            if (Interlocked.Increment(ref _calls) - 1 == slowCall) Thread.Sleep(delayMs);
            return 0;
        }
    }
}
