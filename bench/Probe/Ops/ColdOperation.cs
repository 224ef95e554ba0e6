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
    public abstract string Name { get; }
    public void Prepare(WorkerContext w) => w.Targets = new EncodedPaths(w.HostFiles);
    public abstract int Run(WorkerContext w, int i);
    public void Cleanup(WorkerContext w) { }
}
