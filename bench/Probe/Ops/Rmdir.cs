using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>rmdir of an empty directory.</summary>
public sealed class Rmdir : IOperation
{
    public string Name => "rmdir";
    public void Prepare(WorkerContext w) { w.A = w.Paths("d"); foreach (var p in w.A) Native.Mkdir(p, 0x1ed); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Rmdir(w.A[i]));
    public void Cleanup(WorkerContext w) => Fs.RmdirAll(w.A);
}
