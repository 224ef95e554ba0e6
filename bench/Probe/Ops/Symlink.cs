using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>symlink: a new symbolic link (its target need not exist).</summary>
public sealed unsafe class Symlink : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("symlink");
    public void Prepare(WorkerContext w) => w.Targets = w.Encoded("s");
    public int Run(WorkerContext w, int i)
    {
        fixed (byte* target = "target\0"u8)
            return TimedCalls.Check(TimedCalls.Symlink(target, w.Targets[i]));
    }
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
