using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>
/// copyup: chmod, through an overlay, of a file that exists only in its lower layer, so overlayfs copies it up
/// (metadata only with metacopy=on). Prepare creates the files directly in the lower layer, in a directory
/// the overlay has never looked up; names are never reused, so the overlay's caches never go stale.
/// </summary>
public sealed unsafe class CopyUp : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("copyup", OpNeeds.LowerDir);

    public void Prepare(WorkerContext w)
    {
        var inLower = new string[w.Count];
        var throughOverlay = new string[w.Count];
        for (int i = 0; i < w.Count; i++)
        {
            inLower[i] = $"{w.LowerDir}/{w.Prefix}c{i}";
            throughOverlay[i] = $"{w.LowerView}/{w.Prefix}c{i}";
        }
        w.Targets = new EncodedPaths(throughOverlay);
        w.Fixtures = new EncodedPaths(inLower);   // untimed: the lower-layer files
        using (var lowerDir = new EncodedPaths([w.LowerDir!])) Fs.MkdirAll(lowerDir, w.Prep);
        Fs.CreateAll(w.Fixtures, w.Prep);
    }

    public int Run(WorkerContext w, int i) => TimedCalls.Check(TimedCalls.Chmod(w.Targets[i], 0x180 /*0600*/));

    /// <summary>Nothing here: the lower directory goes with the session's cleanup.</summary>
    public void Cleanup(WorkerContext w) { }
}
