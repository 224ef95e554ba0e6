using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>open(O_RDONLY) of an existing file, then close.</summary>
public sealed class OpenExisting : IOperation
{
    public string Name => "open";
    public void Prepare(WorkerContext w) { w.One = w.Fixture("open"); Fs.CreateFile(w.One); }
    public int Run(WorkerContext w, int i) => Fs.OpenClose(w.One, Native.O_RDONLY);
    public void Cleanup(WorkerContext w) => Native.Unlink(w.One);
}
