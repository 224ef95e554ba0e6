namespace FsBench.Probe.Ops;

/// <summary>setxattr of a user.* attribute (created by the first call, replaced by the next).</summary>
public sealed class SetXattr : IOperation
{
    public string Name => "setxattr";
    public void Prepare(WorkerContext w) { w.One = w.Fixture("sx"); Fs.CreateFile(w.One); }
    public int Run(WorkerContext w, int i) => Fs.SetXattr(w.One, Xattrs.Name, Xattrs.Value);
    public void Cleanup(WorkerContext w) => Libc.Native.Unlink(w.One);
}
