using System.Diagnostics;
using FsBench.Probe.KnownBugs;
using FsBench.Probe.Recording;
using FsBench.Probe.Session;
using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Probe.Soak;

/// <summary>
/// Serves "soak": runs one window of the agent-like mix with W workers, open loop at a target rate (the schedule
/// is kept across windows, see <see cref="OpenLoopSchedule"/>) or closed loop (each worker back to back for the
/// window's wall time). Known-bug reproducers can run beside the workers, under load: a pass starts with the window
/// that asks for it and runs in the background across windows, so it never holds up the schedule; its results come
/// back with the first window that ends after it finished. After each window the runner checks that the share's root
/// still answers.
/// </summary>
public sealed class SoakRunner(ScratchRoot scratch, KnownBugRunner knownBugs, Func<string, IMixAction?>? find = null)
{
    private readonly Func<string, IMixAction?> _find = find ?? MixCatalog.Find;
    private State? _state;
    private Thread? _bugPass;
    private KnownBugReply? _bugResults;

    private sealed class State(string key, MixWorker[] workers)
    {
        public string Key { get; } = key;
        public MixWorker[] Workers { get; } = workers;
        public OpenLoopSchedule? Schedule;
        public long Next;
        public long Windows;
    }

    public SoakReply Run(ProbeRequest req)
    {
        if (req.Workers < 1 || req.Workers > 256) throw new ProbeException("workers must be between 1 and 256");
        if (req.WindowMs < 10 || req.WindowMs > 600_000) throw new ProbeException("window_ms must be between 10 and 600000");
        if (req.Rate < 0 || double.IsNaN(req.Rate)) throw new ProbeException("rate must be 0 (closed loop) or positive");
        var picker = new MixPicker(req.Mix ?? throw new ProbeException("soak needs a mix"), _find);
        var state = StateFor(req);
        long windowTicks = req.WindowMs * Stopwatch.Frequency / 1000;
        long start = Stopwatch.GetTimestamp();
        var recorders = state.Workers.Select(_ => new MixRecorder(picker.Actions.Count, req.StallNs)).ToArray();

        if (req.KnownBugRuns > 0 && _bugPass is null) StartBugPass(req);

        long lag = 0;
        if (req.Rate > 0)
        {
            var schedule = state.Schedule ??= new OpenLoopSchedule(start, req.Rate, Stopwatch.Frequency);
            long windowEnd = ++state.Windows * windowTicks;
            long last = schedule.CountDueBefore(windowEnd);
            RunWorkers(state, k => OpenLoop(state, schedule, last, picker, state.Workers[k], recorders[k], start));
            state.Next = last;
            lag = Math.Max(0, Ns(Stopwatch.GetTimestamp() - (schedule.OriginTicks + windowEnd)));
        }
        else
        {
            long end = start + windowTicks;
            RunWorkers(state, k => ClosedLoop(end, picker, state.Workers[k], recorders[k], start));
        }
        long wall = Ns(Stopwatch.GetTimestamp() - start);
        return Merge(req.Rate > 0 ? "open" : "closed", picker, recorders, wall, lag, FinishedBugPass());
    }

    /// <summary>
    /// Serves "soakprep": the workers of the soak the same settings will run, in their steady state (<see cref="MixWorker.Prepare"/>),
    /// before the load starts, untimed. Says what it made and what failed, by errno.
    /// </summary>
    public string Prepare(ProbeRequest req)
    {
        var state = StateFor(req);
        int made = 0;
        var failed = new Dictionary<string, long>();
        foreach (var w in state.Workers)
        {
            var (m, f) = w.Prepare();
            made += m;
            foreach (var (errno, n) in f) failed[errno] = failed.GetValueOrDefault(errno) + n;
        }
        return $"prepared {state.Workers.Length} workers: {made} files and directories made" +
               (failed.Count == 0 ? ", none failed" : $", failed: {string.Join(' ', failed.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}:{kv.Value}"))}");
    }

    private void StartBugPass(ProbeRequest req)
    {
        var bugReq = new ProbeRequest { Cmd = "knownbugs", Count = req.KnownBugRuns, Dir = req.Dir };
        scratch.SessionDir(req.Dir);   // created here, on the serving thread, before the pass uses it
        _bugPass = new Thread(() =>
        {
            try { _bugResults = knownBugs.Run(bugReq); }
            catch (Exception) { _bugResults = null; }   // e.g. the session was cleaned up under it: no results, never a crash
        }) { IsBackground = true, Name = "knownbugs" };
        _bugPass.Start();
    }

    /// <summary>
    /// After the load: waits (at most <paramref name="limit"/>) for a known-bug pass still running in the background and
    /// returns its results; an empty reply when none was running or it did not finish in time.
    /// </summary>
    public KnownBugReply AwaitBugPass(TimeSpan limit)
    {
        if (_bugPass is null) return new KnownBugReply();
        _bugPass.Join(limit);
        return FinishedBugPass() ?? new KnownBugReply();
    }

    /// <summary>The results of a background known-bug pass that has finished (once), or null.</summary>
    private KnownBugReply? FinishedBugPass()
    {
        if (_bugPass is null || _bugPass.IsAlive) return null;
        _bugPass = null;
        var results = _bugResults ?? new KnownBugReply();
        _bugResults = null;
        return results;
    }

    /// <summary>The workers (and the schedule) live as long as the soak asks with the same settings.</summary>
    private State StateFor(ProbeRequest req)
    {
        string key = $"{req.Dir}|{req.Workers}|{req.Rate}|{req.WindowMs}";
        if (_state?.Key == key) return _state;
        string session = scratch.SessionDir(req.Dir);
        int generation = _state is null ? 0 : Environment.TickCount;
        var workers = Enumerable.Range(0, req.Workers)
            .Select(k => new MixWorker($"{session}/soak{generation}-w{k}", k, seed: 7919 * (k + 1) + generation)).ToArray();
        return _state = new State(key, workers);
    }

    private static void RunWorkers(State state, Action<int> body)
    {
        var threads = Enumerable.Range(0, state.Workers.Length)
            .Select(k => new Thread(() => body(k)) { IsBackground = true, Name = $"soak{k}" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private static void OpenLoop(State state, OpenLoopSchedule schedule, long last, MixPicker picker, MixWorker w, MixRecorder rec, long start)
    {
        while (true)
        {
            long i = Interlocked.Increment(ref state.Next) - 1;
            if (i >= last) return;
            long due = schedule.IntendedTicks(i);
            WaitUntil(due);
            int a = picker.Pick(w.Random);
            int errno = picker.Actions[a].Run(w);
            long end = Stopwatch.GetTimestamp();
            rec.Record(a, picker.Actions[a].Name, errno, Ns(end - due), w.LastPath, Ns(end - start));
        }
    }

    private static void ClosedLoop(long until, MixPicker picker, MixWorker w, MixRecorder rec, long start)
    {
        while (Stopwatch.GetTimestamp() < until)
        {
            long before = Stopwatch.GetTimestamp();
            int a = picker.Pick(w.Random);
            int errno = picker.Actions[a].Run(w);
            long end = Stopwatch.GetTimestamp();
            rec.Record(a, picker.Actions[a].Name, errno, Ns(end - before), w.LastPath, Ns(end - start));
        }
    }

    private static void WaitUntil(long ticks)
    {
        while (true)
        {
            long left = ticks - Stopwatch.GetTimestamp();
            if (left <= 0) return;
            long ms = left * 1000 / Stopwatch.Frequency;
            if (ms >= 2) Thread.Sleep((int)Math.Min(ms - 1, 1000));
            else Thread.Yield();
        }
    }

    private SoakReply Merge(string loop, MixPicker picker, MixRecorder[] recorders, long wall, long lag, KnownBugReply? bugs)
    {
        var h = new LongHistogram(OpRecorder.HighestTrackableNs, 3);
        var reply = new SoakReply { Loop = loop, WallNs = wall, LagNs = lag, KnownBugs = bugs?.Results ?? [] };
        foreach (var r in recorders)
        {
            h.Add(r.Histogram);
            reply.Stalls += r.Stalls;
            for (int e = 0; e < r.Errnos.Length; e++)
                if (r.Errnos[e] > 0) reply.Errnos[ErrnoNames.Name(e)] = reply.Errnos.GetValueOrDefault(ErrnoNames.Name(e)) + r.Errnos[e];
            for (int a = 0; a < picker.Actions.Count; a++)
            {
                string name = picker.Actions[a].Name;
                reply.OpsByAction[name] = reply.OpsByAction.GetValueOrDefault(name) + r.OpsByAction[a];
                if (r.FailuresByAction[a] > 0) reply.FailuresByAction[name] = reply.FailuresByAction.GetValueOrDefault(name) + r.FailuresByAction[a];
            }
            reply.FirstFailures.AddRange(r.FirstFailures);
        }
        reply.Ops = reply.OpsByAction.Values.Sum();
        reply.Failures = reply.FailuresByAction.Values.Sum();
        reply.FirstFailures = reply.FirstFailures.OrderBy(f => f.TNs).Take(OpRecorder.FirstFailuresKept)
            .Select(f => f with { Path = Path.GetRelativePath(scratch.Root, f.Path) }).ToList();
        if (h.TotalCount > 0)
        {
            reply.P50Ns = h.GetValueAtPercentile(50);
            reply.P99Ns = h.GetValueAtPercentile(99);
            reply.MaxNs = h.GetMaxValue();
        }
        reply.Histogram = HistogramCodec.Encode(h);
        reply.RootErrno = RootErrno();
        reply.RootErrnoName = ErrnoNames.Name(reply.RootErrno);
        return reply;
    }

    private unsafe int RootErrno()
    {
        StatxBuf b;
        return Native.Check(Native.Statx(Native.AT_FDCWD, scratch.Root, 0, Native.STATX_BASIC_STATS, &b));
    }

    private static long Ns(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
