using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>chmod of an existing file to 0600: a different file each time.</summary>
public sealed unsafe class Chmod() : ExistingFileOperation("cm")
{
    public override OpInfo Info { get; } = OpInfo.Of("chmod");
    public override int Run(WorkerContext w, int i) => Call(w.Targets[i]);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path) => TimedCalls.Check(TimedCalls.Chmod(path, 0x180 /*0600*/));
}
