using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>getxattr of a user.* attribute that exists: a different file each time.</summary>
public sealed unsafe class GetXattr() : ExistingFileOperation("gx", HostFixtures.GetXattrName)
{
    public override OpInfo Info { get; } = OpInfo.Of("getxattr", OpNeeds.UserXattr);
    public override int Run(WorkerContext w, int i) => Call(w.Targets[i]);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path)
    {
        byte* buf = stackalloc byte[64];
        fixed (byte* name = Xattrs.Name)
            return TimedCalls.Check(TimedCalls.GetXattr(path, name, buf, 64));
    }
}
