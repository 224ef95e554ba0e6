using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>listxattr of a file carrying four user.* attributes: a different file each time.</summary>
public sealed unsafe class ListXattr : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("listxattr", OpNeeds.UserXattr);
    public void Prepare(WorkerContext w)
    {
        w.Targets = w.Encoded("lx");
        Fs.CreateAll(w.Targets, w.Prep);
        Fs.SetXattrAll(w.Targets, Xattrs.NameA, w.Prep);
        Fs.SetXattrAll(w.Targets, Xattrs.NameB, w.Prep);
        Fs.SetXattrAll(w.Targets, Xattrs.NameC, w.Prep);
        Fs.SetXattrAll(w.Targets, Xattrs.NameD, w.Prep);
    }
    public int Run(WorkerContext w, int i) => Call(w.Targets[i]);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path)
    {
        byte* buf = stackalloc byte[1024];
        return Native.Check(Native.ListXattr(path, buf, 1024));
    }
}
