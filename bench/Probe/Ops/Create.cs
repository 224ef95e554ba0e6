namespace FsBench.Probe.Ops;

/// <summary>open(O_CREAT|O_EXCL) of a new file, then close.</summary>
public sealed unsafe class Create : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("create");
    public void Prepare(WorkerContext w) => w.Targets = w.Encoded("f");
    public int Run(WorkerContext w, int i) => TimedCalls.CreateFile(w.Targets[i], Fs.FileMode);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
