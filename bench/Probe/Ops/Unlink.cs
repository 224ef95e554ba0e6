using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>unlink of an existing file.</summary>
public sealed class Unlink : IOperation
{
    public string Name => "unlink";
    public void Prepare(WorkerContext w) { w.A = w.Paths("u"); Fs.CreateAll(w.A); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Unlink(w.A[i]));
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.A);
}
