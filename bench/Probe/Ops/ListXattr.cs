using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>listxattr of a file carrying four user.* attributes: a different file each time.</summary>
public sealed unsafe class ListXattr() : ExistingFileOperation("lx", HostFixtures.ListXattrNames)
{
    public override OpInfo Info { get; } = OpInfo.Of("listxattr", OpNeeds.UserXattr);
    public override int Run(WorkerContext w, int i) => Call(w.Targets[i]);

    /// <summary>The timed call: 0 or errno.</summary>
    public static int Call(byte* path)
    {
        byte* buf = stackalloc byte[1024];
        return TimedCalls.Check(TimedCalls.ListXattr(path, buf, 1024));
    }
}
