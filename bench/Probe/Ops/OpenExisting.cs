using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>open(O_RDONLY) of an existing file, then close: a different file each time.</summary>
public sealed unsafe class OpenExisting : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("open");
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("o"); Fs.CreateAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => Call(w.Targets[i]);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path) => Fs.OpenClose(path, Native.O_RDONLY);
}
