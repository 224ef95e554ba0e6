using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>unlink of an existing file.</summary>
public sealed unsafe class Unlink : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("unlink");
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("u"); Fs.CreateAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Unlink(w.Targets[i]));
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
