using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>link: a new hard link to an existing file (as git and cp -al do).</summary>
public sealed class Link : IOperation
{
    public string Name => "link";
    public void Prepare(WorkerContext w) { w.One = w.Fixture("lnk"); Fs.CreateFile(w.One); w.A = w.Paths("h"); }
    public int Run(WorkerContext w, int i) => Native.Check(Native.Link(w.One, w.A[i]));
    public void Cleanup(WorkerContext w) { Fs.UnlinkAll(w.A); Native.Unlink(w.One); }
}
