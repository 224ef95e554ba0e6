using System.Diagnostics;
using FsBench.Probe.Ops;
using FsBench.Probe.Recording;
using FsBench.Protocol;

namespace FsBench.Probe.Session;

/// <summary>
/// Runs one batch: W worker threads prepare (untimed), start together, time every operation,
/// wait for each other, then clean up (untimed).
/// </summary>
public sealed class BatchRunner(ScratchRoot scratch)
{
    private int _batches;

    public BatchResult Run(ProbeRequest req)
    {
        var op = OperationCatalog.Find(req.Op ?? "") ?? throw new ProbeException($"unknown op '{req.Op}' (known: {string.Join(",", OperationCatalog.Names)})");
        if (req.Count < 1) throw new ProbeException("count must be at least 1");
        if (req.Workers < 1 || req.Workers > 256) throw new ProbeException("workers must be between 1 and 256");
        if (!Layouts.All.Contains(req.Layout)) throw new ProbeException($"unknown layout '{req.Layout}' (private|shared)");
        if (op is CopyUp && string.IsNullOrEmpty(req.LowerDir))
            throw new ProbeException("copyup needs lower_dir: an overlay whose lower layer the probe can reach");
        string session = scratch.SessionDir(req.Dir);
        string? lowerSession = string.IsNullOrEmpty(req.LowerDir) ? null : scratch.SessionDir(req.LowerDir, "copyup");
        string view = scratch.Resolve(req.Dir);
        int batch = _batches++;

        var contexts = new WorkerContext[req.Workers];
        var recorders = new OpRecorder[req.Workers];
        for (int k = 0; k < req.Workers; k++)
        {
            int count = req.Count / req.Workers + (k < req.Count % req.Workers ? 1 : 0);
            string dir = req.Layout == Layouts.Shared ? $"{session}/shared" : $"{session}/w{k}";
            Directory.CreateDirectory(dir);
            string? lower = lowerSession is null ? null : $"{lowerSession}/b{batch}w{k}";
            string? lowerView = lowerSession is null ? null : $"{view}/{Path.GetFileName(lowerSession)}/b{batch}w{k}";
            contexts[k] = new WorkerContext(dir, $"b{batch}w{k}-", count, lower, lowerView);
            recorders[k] = new OpRecorder(op.Name, Math.Max(1, req.Sample), seed: batch * 1000 + k);
        }

        using var start = new Barrier(req.Workers + 1);
        using var finished = new Barrier(req.Workers + 1);
        long t0 = 0;
        var threads = Enumerable.Range(0, req.Workers).Select(k => new Thread(() =>
        {
            var w = contexts[k];
            var rec = recorders[k];
            op.Prepare(w);
            start.SignalAndWait();
            TimeWorker(op, w, rec, Volatile.Read(ref t0), Relative);
            finished.SignalAndWait();
            op.Cleanup(w);
        }) { IsBackground = true, Name = $"worker{k}" }).ToList();

        threads.ForEach(t => t.Start());
        while (start.ParticipantsRemaining > 1) Thread.Sleep(1);   // every worker has prepared
        Volatile.Write(ref t0, Stopwatch.GetTimestamp());
        start.SignalAndWait();
        finished.SignalAndWait();
        long wall = Ns(Stopwatch.GetTimestamp() - t0);
        threads.ForEach(t => t.Join());
        return BatchMerge.Merge(op.Name, req.Layout, recorders, wall, Math.Max(1, req.Sample));
    }

    /// <summary>The timed loop of one worker: every operation is timed alone and recorded, success or errno.</summary>
    public static void TimeWorker(IOperation op, WorkerContext w, OpRecorder rec, long t0, Func<string, string> relative)
    {
        for (int i = 0; i < w.Count; i++)
        {
            long before = Stopwatch.GetTimestamp();
            int errno = op.Run(w, i);
            long after = Stopwatch.GetTimestamp();
            if (errno == 0) rec.Success(Ns(after - before));
            else rec.Failure(errno, relative(w.A.Length > i ? w.A[i] : w.One), Ns(after - t0));
        }
    }

    private string Relative(string path) => Path.GetRelativePath(scratch.Root, path);

    private static long Ns(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
