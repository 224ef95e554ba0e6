namespace FsBench.Probe.Ops;

/// <summary>setxattr of a user.* attribute on a different existing file each time (creating the attribute).</summary>
public sealed unsafe class SetXattr : IOperation
{
    public OpInfo Info { get; } = OpInfo.Of("setxattr", OpNeeds.UserXattr);
    public void Prepare(WorkerContext w) { w.Targets = w.Encoded("sx"); Fs.CreateAll(w.Targets, w.Prep); }
    public int Run(WorkerContext w, int i) => Fs.SetXattr(w.Targets[i], Xattrs.Name, Xattrs.Value);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
