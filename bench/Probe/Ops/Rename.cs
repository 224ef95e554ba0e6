using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>rename of a file to a new name in the same directory.</summary>
public sealed class Rename : IOperation
{
    public string Name => "rename";
    public void Prepare(WorkerContext w) { w.A = w.Paths("ra"); w.B = w.Paths("rb"); Fs.CreateAll(w.A); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Rename(w.A[i], w.B[i]));
    public void Cleanup(WorkerContext w) { Fs.UnlinkAll(w.A); Fs.UnlinkAll(w.B); }
}
