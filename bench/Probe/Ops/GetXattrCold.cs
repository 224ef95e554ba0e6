namespace FsBench.Probe.Ops;

/// <summary>getxattr_cold: getxattr of user.fsbench on a file the host made (and set it on) in the share just before the batch (see <see cref="ColdOperation"/>).</summary>
public sealed unsafe class GetXattrCold : ColdOperation
{
    public override OpInfo Info { get; } = Cold("getxattr_cold", HostFixtures.GetXattrName);
    public override int Run(WorkerContext w, int i) => GetXattr.Call(w.Targets[i]);
}
