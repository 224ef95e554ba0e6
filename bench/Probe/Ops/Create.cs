using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>open(O_CREAT|O_EXCL) of a new file, then close.</summary>
public sealed class Create : IOperation
{
    public string Name => "create";
    public void Prepare(WorkerContext w) => w.A = w.Paths("f");
    public int Run(WorkerContext w, int i) => Fs.CreateFile(w.A[i]);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.A);
}
