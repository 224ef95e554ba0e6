using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>mkdir of a new directory.</summary>
public sealed unsafe class Mkdir : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("mkdir");
    public void Prepare(WorkerContext w) => w.Targets = w.Encoded("d");
    public int Run(WorkerContext w, int i) => TimedCalls.Check(TimedCalls.Mkdir(w.Targets[i], Fs.DirMode));
    public void Cleanup(WorkerContext w) => Fs.RmdirAll(w.Targets);
}
