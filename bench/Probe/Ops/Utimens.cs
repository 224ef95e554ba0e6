using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>utimensat of an existing file to the current time (what touch does): a different file each time.</summary>
public sealed unsafe class Utimens() : ExistingFileOperation("ut")
{
    public override OpInfo Info { get; } = OpInfo.Of("utimens");
    public override int Run(WorkerContext w, int i) => Call(w.Targets[i]);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path) => TimedCalls.Check(TimedCalls.Utimensat(Native.AT_FDCWD, path, null, 0));
}
