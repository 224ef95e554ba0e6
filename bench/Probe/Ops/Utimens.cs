using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>utimensat of an existing file to the current time (what touch does).</summary>
public sealed unsafe class Utimens : IOperation
{
    public string Name => "utimens";
    public void Prepare(WorkerContext w) { w.One = w.Fixture("ut"); Fs.CreateFile(w.One); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Utimensat(Native.AT_FDCWD, w.One, null, 0));
    public void Cleanup(WorkerContext w) => Native.Unlink(w.One);
}
