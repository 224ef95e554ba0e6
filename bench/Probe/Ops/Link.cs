using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>link: a new hard link to an existing file (as git and cp -al do).</summary>
public sealed unsafe class Link : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("link");
    public void Prepare(WorkerContext w)
    {
        w.Shared = w.One("lnk");
        Fs.CreateAll(w.Shared, w.Prep);
        w.NewNames = w.Encoded("h");
    }
    public int Run(WorkerContext w, int i) => TimedCalls.Check(TimedCalls.Link(w.Shared[0], w.NewNames[i]));
    public void Cleanup(WorkerContext w) { Fs.UnlinkAll(w.NewNames); Fs.UnlinkAll(w.Shared); }
}
