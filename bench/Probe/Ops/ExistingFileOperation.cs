namespace FsBench.Probe.Ops;

/// <summary>
/// An op on an existing file, a different one each time (as mdtest's stat phase): Prepare creates this worker's files,
/// named by <paramref name="tag"/> and carrying the user.* attributes <paramref name="xattrs"/> (untimed), Run acts on
/// file i, Cleanup removes whatever of them is left.
/// </summary>
public abstract class ExistingFileOperation(string tag, params string[] xattrs) : IOperation
{
    public abstract OpInfo Info { get; }

    public void Prepare(WorkerContext w)
    {
        w.Targets = w.Encoded(tag);
        Fs.CreateAll(w.Targets, w.Prep);
        foreach (var name in xattrs) Fs.SetXattrAll(w.Targets, name, w.Prep);
    }

    public abstract int Run(WorkerContext w, int i);
    public void Cleanup(WorkerContext w) => Fs.UnlinkAll(w.Targets);
}
