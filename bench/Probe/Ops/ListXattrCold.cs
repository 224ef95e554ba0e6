namespace FsBench.Probe.Ops;

/// <summary>listxattr_cold: listxattr of a file the host made with four user.* attributes in the share just before the batch (see <see cref="ColdOperation"/>).</summary>
public sealed unsafe class ListXattrCold : ColdOperation
{
    public override OpInfo Info { get; } = Cold("listxattr_cold", HostFixtures.ListXattrNames);
    public override int Run(WorkerContext w, int i) => ListXattr.Call(w.Targets[i]);
}
