using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>open(O_RDONLY) of an existing file, then close: a different file each time.</summary>
public sealed unsafe class OpenExisting : IOperation
{
    public string Name => "open";
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("o"); Fs.CreateAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => Fs.OpenClose(w.Targets[i], Native.O_RDONLY);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
