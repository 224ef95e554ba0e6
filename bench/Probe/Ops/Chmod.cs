using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>chmod of an existing file to 0600: a different file each time.</summary>
public sealed unsafe class Chmod : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("chmod");
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("cm"); Fs.CreateAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => Call(w.Targets[i]);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path) => Native.Check(Native.Chmod(path, 0x180 /*0600*/));
}
