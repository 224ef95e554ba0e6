using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>chmod of an existing file, alternating 0644 and 0600.</summary>
public sealed class Chmod : IOperation
{
    public string Name => "chmod";
    public void Prepare(WorkerContext w) { w.One = w.Fixture("cm"); Fs.CreateFile(w.One); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Chmod(w.One, (i & 1) == 0 ? 0x180u /*0600*/ : 0x1a4u /*0644*/));
    public void Cleanup(WorkerContext w) => Native.Unlink(w.One);
}
