using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>open(O_RDONLY) of an existing file, then close: a different file each time.</summary>
public sealed unsafe class OpenExisting() : ExistingFileOperation("o")
{
    public override OpInfo Info { get; } = OpInfo.Of("open");
    public override int Run(WorkerContext w, int i) => Call(w.Targets[i]);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path) => TimedCalls.OpenClose(path, Native.O_RDONLY);
}
