using System.Diagnostics;
using FsBench.Probe.Recording;
using FsBench.Protocol;

namespace FsBench.Probe.Session;

/// <summary>
/// Runs one batch: W worker threads prepare (untimed), start together, time every operation,
/// wait for each other, then record what they timed and clean up (untimed). A failed preparation is counted
/// (the batch's prep phase, by errno) and the batch goes on: nothing of it is lost.
/// </summary>
public sealed class BatchRunner(ScratchRoot scratch)
{
    /// <summary>The most operations one batch may ask for (the timed loop's buffers are allocated before it starts).</summary>
    public const int MaxCount = 1 << 22;

    private int _batches;

    public BatchResult Run(ProbeRequest req)
    {
        var op = OperationCatalog.Find(req.Op ?? "") ?? throw new ProbeException($"unknown op '{req.Op}' (known: {string.Join(",", OperationCatalog.Names)})");
        if (req.Count < 1 || req.Count > MaxCount) throw new ProbeException($"count must be between 1 and {MaxCount}");
        if (req.Workers < 1 || req.Workers > 256) throw new ProbeException("workers must be between 1 and 256");
        if (!Layouts.All.Contains(req.Layout)) throw new ProbeException($"unknown layout '{req.Layout}' (private|shared)");
        string name = op.Info.Name;
        if (op.Info.Has(OpNeeds.LowerDir) && string.IsNullOrEmpty(req.LowerDir))
            throw new ProbeException($"{name} needs lower_dir: an overlay whose lower layer the probe can reach");
        bool hostMade = op.Info.Has(OpNeeds.HostFixtures);
        if (hostMade && string.IsNullOrEmpty(req.FixtureDir))
            throw new ProbeException($"{name} needs fixture_dir: the files the host made in the share for this batch");
        string? fixtures = hostMade ? scratch.Resolve(req.FixtureDir!) : null;
        string session = scratch.SessionDir(req.Dir);
        string? lowerSession = string.IsNullOrEmpty(req.LowerDir) ? null : scratch.SessionDir(req.LowerDir, "copyup");
        string view = scratch.Resolve(req.Dir);
        int batch = _batches++;

        var workers = new Worker[req.Workers];
        for (int k = 0; k < req.Workers; k++)
        {
            int count = HostFixtures.ItemsOf(req.Count, req.Workers, k);
            string dir = req.Layout == Layouts.Shared ? $"{session}/shared" : $"{session}/w{k}";
            string? lower = lowerSession is null ? null : $"{lowerSession}/b{batch}w{k}";
            string? lowerView = lowerSession is null ? null : $"{view}/{Path.GetFileName(lowerSession)}/b{batch}w{k}";
            var context = new WorkerContext(dir, $"b{batch}w{k}-", count, lower, lowerView)
            {
                Prep = new PrepTally(name),
                HostFiles = fixtures is null ? [] : HostFiles(fixtures, req.Layout, k, count),
            };
            workers[k] = new Worker(context, new OpRecorder(name, Math.Max(1, req.Sample), seed: batch * 1000 + k));
        }

        using var start = new Barrier(req.Workers + 1);
        using var finished = new Barrier(req.Workers + 1);
        long t0 = 0;
        var loops = new TimedLoop?[req.Workers];
        var threads = workers.Select((wk, k) => new Thread(() =>
        {
            var w = wk.Context;
            PrepareWorker(op, w);
            var timed = loops[k] = new TimedLoop(w.Count);
            start.SignalAndWait();
            timed.Run(op, w);
            finished.SignalAndWait();
            timed.Record(w, wk.Recorder, Volatile.Read(ref t0), Relative);
            try { op.Cleanup(w); } catch (Exception) { /* cleanup is best effort; the session's cleanup removes the rest */ }
            w.Dispose();
        }) { IsBackground = true, Name = $"worker{k}" }).ToList();

        threads.ForEach(t => t.Start());
        while (start.ParticipantsRemaining > 1) Thread.Sleep(1);   // every worker has prepared
        Volatile.Write(ref t0, Stopwatch.GetTimestamp());
        start.SignalAndWait();
        finished.SignalAndWait();
        threads.ForEach(t => t.Join());
        long wall = TimedLoop.Ns(TimedLoop.WallTicks(loops));
        return BatchMerge.Merge(name, req.Layout, workers.Select(w => w.Recorder).ToList(),
            workers.Select(w => w.Context.Prep).ToList(), wall, Math.Max(1, req.Sample));
    }

    /// <summary>Worker k's share of the files the host made (names: <see cref="HostFixtures"/>), absolute.</summary>
    private static string[] HostFiles(string fixtureDir, string layout, int k, int count) =>
        Enumerable.Range(0, count).Select(i => $"{fixtureDir}/{HostFixtures.RelativePath(layout, k, i)}").ToArray();

    /// <summary>The worker's directory, then the operation's fixtures; every failure is counted, none is thrown.</summary>
    public static void PrepareWorker(IOperation op, WorkerContext w)
    {
        int mkdir = Native.Mkdir(w.Dir, Fs.DirMode) == 0 ? 0 : Native.Errno;
        if (mkdir != 17 /*EEXIST: the shared layout's directory, made by another worker*/) w.Prep.Note(mkdir, w.Dir);
        try { op.Prepare(w); }
        catch (Exception e) { w.Prep.Note(e, w.Dir); }
    }

    /// <summary>The timed loop and its recording, in one call (for tests and callers that time a single worker).</summary>
    public static void TimeWorker(IOperation op, WorkerContext w, OpRecorder rec, long t0, Func<string, string> relative)
    {
        var timed = new TimedLoop(w.Count);
        timed.Run(op, w);
        timed.Record(w, rec, t0, relative);
    }

    private string Relative(string path) => Path.GetRelativePath(scratch.Root, path);

    private sealed record Worker(WorkerContext Context, OpRecorder Recorder);
}
