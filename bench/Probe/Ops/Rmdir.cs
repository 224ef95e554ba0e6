using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>rmdir of an empty directory.</summary>
public sealed unsafe class Rmdir : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("rmdir");
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("d"); Fs.MkdirAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => TimedCalls.Check(TimedCalls.Rmdir(w.Targets[i]));
    public void Cleanup(WorkerContext w) => Fs.RmdirAll(w.Targets);
}
