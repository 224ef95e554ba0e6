using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>chmod of an existing file to 0600: a different file each time.</summary>
public sealed unsafe class Chmod : IOperation
{
    public string Name => "chmod";
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("cm"); Fs.CreateAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Chmod(w.Targets[i], 0x180 /*0600*/));
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
