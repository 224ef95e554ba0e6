using FsBench.Probe.Libc;
namespace FsBench.Probe.Ops;

/// <summary>
/// A cold op: its hot namesake's call on files the host made in the share just before the batch, after the guest last
/// looked (<see cref="WorkerContext.HostFiles"/>), so the guest holds no cache of them and every call reaches the file server
/// (FUSE_LOOKUP over virtio-fs, a walk over 9p). Prepare only encodes the host's paths: touching them would warm the very
/// caches the op must miss. The host removes them after the batch.
/// </summary>
public abstract unsafe class ColdOperation : IOperation
{
    public abstract OpInfo Info { get; }

    /// <summary>A cold op's info: it needs the host's files, and user xattrs when the host sets <paramref name="xattrs"/> on them.</summary>
    protected static OpInfo Cold(string name, params string[] xattrs) => new()
    {
        Name = name, FixtureXattrs = xattrs,
        Needs = xattrs.Length > 0 ? [OpNeeds.HostFixtures, OpNeeds.UserXattr] : [OpNeeds.HostFixtures],
    };

    public void Prepare(WorkerContext w) => w.Targets = new EncodedPaths(w.HostFiles);
    public abstract int Run(WorkerContext w, int i);
    public void Cleanup(WorkerContext w) { }
}
