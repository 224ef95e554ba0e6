namespace FsBench.Protocol.Trace;

/// <summary>
/// How a trace is replayed with its recorded concurrency: every recorded thread goes to a lane (a worker); threads
/// whose lifetimes (first to last call) do not overlap share one, so a trace of many short processes needs only as
/// many workers as ran at once. Calls of a lane run in trace order. A call waits for the calls of other lanes it depends
/// on by path: one that looks at a path (or lists or looks up in its directory) waits for the last call that changed it;
/// one that changes a path also waits for every look since that change. A descriptor is a path of its own: opened
/// (a change), used (looks), closed (a change). All dependencies point backwards in trace order, so the replay cannot deadlock.
/// </summary>
public sealed class ReplayPlan
{
    public IReadOnlyList<TraceCall> Calls { get; }
    /// <summary>Lane of each call.</summary>
    public int[] Lane { get; }
    /// <summary>The call indices of each lane, in trace order.</summary>
    public int[][] LaneCalls { get; }
    /// <summary>Earlier calls on other lanes each call must wait for.</summary>
    public int[][] Deps { get; }
    public int LaneCount => LaneCalls.Length;

    private ReplayPlan(IReadOnlyList<TraceCall> calls, int[] lane, int[][] laneCalls, int[][] deps)
    {
        Calls = calls; Lane = lane; LaneCalls = laneCalls; Deps = deps;
    }

    public static ReplayPlan Build(IReadOnlyList<TraceCall> calls)
    {
        int[] lane = AssignLanes(calls, out int laneCount);
        var laneCalls = Enumerable.Range(0, laneCount).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < calls.Count; i++) laneCalls[lane[i]].Add(i);

        var keys = new Dictionary<string, KeyState>(StringComparer.Ordinal);
        var deps = new int[calls.Count][];
        var mine = new HashSet<int>();
        for (int i = 0; i < calls.Count; i++)
        {
            var c = calls[i];
            mine.Clear();
            void Touch(string? key, bool change)
            {
                if (key is null) return;
                if (!keys.TryGetValue(key, out var s)) keys[key] = s = new KeyState();
                if (s.LastChange >= 0 && lane[s.LastChange] != lane[i]) mine.Add(s.LastChange);
                if (change)
                {
                    foreach (var (l, idx) in s.LooksSince) if (l != lane[i]) mine.Add(idx);
                    s.LooksSince.Clear();
                    s.LastChange = i;
                }
                else s.LooksSince[lane[i]] = i;
            }
            if (c.Handle is { } h) Touch($"\0fd{h}", c.Op is TraceOps.Open or TraceOps.Close);
            Touch(c.Path, TraceOps.ChangesPath(c));
            Touch(Parent(c.Path), false);
            if (c.Op is TraceOps.Rename or TraceOps.Link)
            {
                Touch(c.Path2, TraceOps.ChangesPath2(c));
                Touch(Parent(c.Path2), false);
            }
            mine.Remove(i);
            deps[i] = mine.Count == 0 ? [] : mine.Order().ToArray();
        }
        return new ReplayPlan(calls, lane, laneCalls.Select(l => l.ToArray()).ToArray(), deps);
    }

    /// <summary>The directory a path's entry lives in ("." for top-level entries; null for the workspace itself).</summary>
    public static string? Parent(string? path)
    {
        if (path is null || path == ".") return null;
        int slash = path.TrimEnd('/').LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    private static int[] AssignLanes(IReadOnlyList<TraceCall> calls, out int laneCount)
    {
        var first = new Dictionary<int, int>();
        var last = new Dictionary<int, int>();
        for (int i = 0; i < calls.Count; i++)
        {
            first.TryAdd(calls[i].Tid, i);
            last[calls[i].Tid] = i;
        }
        var laneOfTid = new Dictionary<int, int>();
        var laneEnd = new List<int>();   // last call index of the thread currently holding each lane
        foreach (var tid in first.Keys.OrderBy(t => first[t]))
        {
            int free = laneEnd.FindIndex(end => end < first[tid]);
            if (free < 0) { free = laneEnd.Count; laneEnd.Add(0); }
            laneEnd[free] = last[tid];
            laneOfTid[tid] = free;
        }
        laneCount = laneEnd.Count;
        var lane = new int[calls.Count];
        for (int i = 0; i < calls.Count; i++) lane[i] = laneOfTid[calls[i].Tid];
        return lane;
    }

    private sealed class KeyState
    {
        public int LastChange = -1;
        public readonly Dictionary<int, int> LooksSince = new();
    }
}
