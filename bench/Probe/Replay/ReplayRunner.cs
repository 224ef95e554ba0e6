using FsBench.Probe.Session;
using FsBench.Protocol;
using FsBench.Protocol.Trace;
using HdrHistogram;

namespace FsBench.Probe.Replay;

/// <summary>
/// Serves "replay": in a fresh workspace under the request's directory, replays the set-up traces (untimed, to bring the
/// workspace to the state the workload starts from), then the workload's trace, timed; closes what it left open. The
/// workspace stays until the host's "cleanup".
/// </summary>
public sealed class ReplayRunner(ScratchRoot scratch)
{
    public ReplayReply Run(ProbeRequest req)
    {
        if (string.IsNullOrEmpty(req.Trace)) throw new ProbeException("replay needs a trace");
        var setups = (req.SetupTraces ?? []).Select((t, i) => Parse(t, $"set-up trace {i + 1}")).ToList();
        var plan = ReplayPlan.Build(Parse(req.Trace, req.Workload ?? "trace"));
        string workspace = scratch.CreateSessionDir(scratch.Resolve(req.Dir), "replay");
        var exec = new CallExecutor(workspace);

        long setupNs = 0;
        foreach (var setup in setups) setupNs += TraceReplayer.Run(ReplayPlan.Build(setup), exec).WallNs;
        var (wall, lanes) = TraceReplayer.Run(plan, exec);
        exec.CloseAll();
        return Merge(req.Workload ?? "", plan, wall, setupNs, lanes);
    }

    private static List<TraceCall> Parse(string text, string source)
    {
        try { return TraceFormat.Parse(text, source); }
        catch (TraceFormatException e) { throw new ProbeException(e.Message); }
    }

    private static ReplayReply Merge(string workload, ReplayPlan plan, long wall, long setupNs, List<LaneRecorder> lanes)
    {
        var reply = new ReplayReply { Workload = workload, Calls = plan.Calls.Count, Lanes = plan.LaneCount, WallNs = wall, SetupNs = setupNs };
        foreach (var op in lanes.SelectMany(l => l.PerOp.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var h = new LongHistogram(Recording.OpRecorder.HighestTrackableNs, 3);
            var s = new ReplayOpStats();
            foreach (var l in lanes)
            {
                if (!l.PerOp.TryGetValue(op, out var t)) continue;
                h.Add(t.Histogram);
                s.Count += t.Count; s.Failures += t.Failures; s.SumNs += t.SumNs;
            }
            s.P50Ns = h.GetValueAtPercentile(50);
            s.P99Ns = h.GetValueAtPercentile(99);
            s.MaxNs = h.GetMaxValue();
            reply.PerOp[op] = s;
        }
        foreach (var l in lanes)
        {
            foreach (var (k, v) in l.Errnos) reply.Errnos[k] = reply.Errnos.GetValueOrDefault(k) + v;
            foreach (var (k, v) in l.FailuresByErrno) reply.FailuresByErrno[k] = reply.FailuresByErrno.GetValueOrDefault(k) + v;
            reply.FirstFailures.AddRange(l.FirstFailures);
        }
        reply.Failures = reply.FailuresByErrno.Values.Sum();
        reply.FirstFailures = reply.FirstFailures.OrderBy(f => f.TNs).Take(Recording.OpRecorder.FirstFailuresKept).ToList();
        return reply;
    }
}
