using System.Diagnostics;
using FsBench.Protocol.Trace;

namespace FsBench.Probe.Replay;

/// <summary>
/// Replays a trace's plan: one thread per lane, each running its calls in trace order, waiting first for the calls of
/// other lanes it depends on (<see cref="ReplayPlan"/>). Every call is timed alone and recorded; a failure never stops it.
/// </summary>
public static class TraceReplayer
{
    public static (long WallNs, List<LaneRecorder> Lanes) Run(ReplayPlan plan, CallExecutor exec)
    {
        var done = new ManualResetEventSlim?[plan.Calls.Count];
        foreach (var deps in plan.Deps)
            foreach (int d in deps) done[d] ??= new ManualResetEventSlim(false, spinCount: 20);
        var recorders = Enumerable.Range(0, plan.LaneCount).Select(_ => new LaneRecorder()).ToList();
        using var start = new ManualResetEventSlim(false);
        long origin = 0;
        var threads = new List<Thread>();
        for (int lane = 0; lane < plan.LaneCount; lane++)
        {
            int l = lane;
            var t = new Thread(() =>
            {
                var rec = recorders[l];
                var buf = new CallExecutor.Buffer();
                start.Wait();
                foreach (int i in plan.LaneCalls[l])
                {
                    foreach (int d in plan.Deps[i]) done[d]!.Wait();
                    var call = plan.Calls[i];
                    long t0 = Stopwatch.GetTimestamp();
                    int errno = exec.Run(call, buf);
                    long t1 = Stopwatch.GetTimestamp();
                    rec.Record(call, errno, Ns(t1 - t0), Ns(t0 - origin));
                    done[i]?.Set();
                }
            }, 256 * 1024) { IsBackground = true, Name = $"replay-{l}" };
            threads.Add(t);
            t.Start();
        }
        origin = Stopwatch.GetTimestamp();
        start.Set();
        foreach (var t in threads) t.Join();
        long wall = Ns(Stopwatch.GetTimestamp() - origin);
        foreach (var e in done) e?.Dispose();
        return (wall, recorders);
    }

    private static long Ns(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
