using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>mkdir of a new directory.</summary>
public sealed class Mkdir : IOperation
{
    public string Name => "mkdir";
    public void Prepare(WorkerContext w) => w.A = w.Paths("d");
    public int Run(WorkerContext w, int i) => Native.Check(Native.Mkdir(w.A[i], 0x1ed /*0755*/));
    public void Cleanup(WorkerContext w) => Fs.RmdirAll(w.A);
}
