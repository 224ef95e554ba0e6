using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>getxattr of a user.* attribute that exists: a different file each time.</summary>
public sealed unsafe class GetXattr : IOperation
{
    public string Name => "getxattr";
    public void Prepare(WorkerContext w)
    {
        w.Targets = w.Encoded("gx");
        Fs.CreateAll(w.Targets, w.Prep);
        Fs.SetXattrAll(w.Targets, Xattrs.Name, w.Prep);
    }
    public int Run(WorkerContext w, int i)
    {
        byte* buf = stackalloc byte[64];
        fixed (byte* name = Xattrs.Name)
            return Native.Check(Native.GetXattr(w.Targets[i], name, buf, 64));
    }
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
