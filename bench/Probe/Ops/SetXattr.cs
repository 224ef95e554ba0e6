using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>setxattr of a user.* attribute on a different existing file each time (creating the attribute).</summary>
public sealed unsafe class SetXattr() : ExistingFileOperation("sx")
{
    public override OpInfo Info { get; } = OpInfo.Of("setxattr", OpNeeds.UserXattr);
    public override int Run(WorkerContext w, int i) => TimedCalls.SetXattr(w.Targets[i], Xattrs.Name, Xattrs.Value);
}
