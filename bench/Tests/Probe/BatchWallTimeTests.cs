using System.Diagnostics;
using FsBench.Probe.Ops;
using FsBench.Probe.Session;

namespace FsBench.Tests.Probe;

/// <summary>
/// A batch's wall time is read from the timed loops' own records (first operation's start to last one's end), so work
/// done after the loop (recording, clean-up) and a waiting thread that runs late cannot count in it.
/// </summary>
public sealed class BatchWallTimeTests : TempDirTest
{
    [Fact]
    public void Wall_time_spans_the_loops_and_not_what_happens_after_them()
    {
        var op = OperationCatalog.Find("stat")!;
        using var w = new WorkerContext(Tmp.Path, "t-", 200) { Prep = new FsBench.Probe.Recording.PrepTally("stat") };
        BatchRunner.PrepareWorker(op, w);
        var loop = new TimedLoop(w.Count);
        long before = Stopwatch.GetTimestamp();
        loop.Run(op, w);
        long after = Stopwatch.GetTimestamp();
        Thread.Sleep(200);                                   // what a late waiting thread would have counted
        long wall = TimedLoop.WallTicks([loop, null]);

        Assert.InRange(wall, 1, after - before);             // inside the loop's call, not the sleep after it
        var (start, end) = loop.Span!.Value;
        Assert.True(start >= before && end <= after, "the span lies inside the loop's run");
        op.Cleanup(w);
    }

    [Fact]
    public void Wall_time_runs_from_the_earliest_start_to_the_latest_end_over_workers()
    {
        var op = OperationCatalog.Find("stat")!;
        using var a = new WorkerContext(Tmp.Path, "a-", 50) { Prep = new FsBench.Probe.Recording.PrepTally("stat") };
        using var b = new WorkerContext(Tmp.Path, "b-", 50) { Prep = new FsBench.Probe.Recording.PrepTally("stat") };
        BatchRunner.PrepareWorker(op, a);
        BatchRunner.PrepareWorker(op, b);
        TimedLoop first = new(a.Count), second = new(b.Count), idle = new(0);
        first.Run(op, a);
        Thread.Sleep(50);
        second.Run(op, b);

        Assert.Equal(second.Span!.Value.End - first.Span!.Value.Start, TimedLoop.WallTicks([second, first, idle]));
        Assert.Null(idle.Span);
        Assert.Equal(0, TimedLoop.WallTicks([idle]));
        op.Cleanup(a);
        op.Cleanup(b);
    }
}
