using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>rename of a file to a new name in the same directory.</summary>
public sealed unsafe class Rename : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("rename");
    public void Prepare(WorkerContext w)
    {
        w.Targets = w.Encoded("ra");
        w.NewNames = w.Encoded("rb");
        Fs.CreateAll(w.Targets, w.Prep);
    }
    public int Run(WorkerContext w, int i) => TimedCalls.Check(TimedCalls.Rename(w.Targets[i], w.NewNames[i]));
    public void Cleanup(WorkerContext w) { Fs.UnlinkAll(w.Targets); Fs.UnlinkAll(w.NewNames); }
}
