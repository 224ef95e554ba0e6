using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>listxattr of a file carrying four user.* attributes.</summary>
public sealed unsafe class ListXattr : IOperation
{
    public string Name => "listxattr";
    public void Prepare(WorkerContext w)
    {
        w.One = w.Fixture("lx");
        Fs.CreateFile(w.One);
        foreach (var n in Xattrs.Names) Fs.SetXattr(w.One, n, Xattrs.Value);
    }
    public int Run(WorkerContext w, int i)
    {
        byte* buf = stackalloc byte[1024];
        return Native.Check(Native.ListXattr(w.One, buf, 1024));
    }
    public void Cleanup(WorkerContext w) => Native.Unlink(w.One);
}
