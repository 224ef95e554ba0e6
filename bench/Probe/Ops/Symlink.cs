using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>symlink: a new symbolic link (its target need not exist).</summary>
public sealed class Symlink : IOperation
{
    public string Name => "symlink";
    public void Prepare(WorkerContext w) => w.A = w.Paths("s");
    public int Run(WorkerContext w, int i) => Native.Check(Native.Symlink("target", w.A[i]));
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.A);
}
