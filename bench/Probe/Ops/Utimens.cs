using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>utimensat of an existing file to the current time (what touch does): a different file each time.</summary>
public sealed unsafe class Utimens : IOperation
{
    public string Name => "utimens";
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("ut"); Fs.CreateAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Utimensat(Native.AT_FDCWD, w.Targets[i], null, 0));
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
