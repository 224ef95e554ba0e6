using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>unlink of an existing file.</summary>
public sealed unsafe class Unlink() : ExistingFileOperation("u")
{
    public override OpInfo Info { get; } = OpInfo.Of("unlink");
    public override int Run(WorkerContext w, int i) => TimedCalls.Check(TimedCalls.Unlink(w.Targets[i]));
}
