namespace FsBench.Probe.Ops;

/// <summary>
/// One file-metadata operation. <see cref="Prepare"/> and <see cref="Cleanup"/> are untimed;
/// only <see cref="Run"/> is timed. Prepare encodes every path Run needs (see <see cref="WorkerContext"/>) and counts
/// its own failures in <see cref="WorkerContext.Prep"/>; Run does the system call and nothing else, returning 0 or
/// its errno; neither throws. Adding an operation is one small file implementing this (its name and what it needs in
/// <see cref="Info"/>), plus its line in <see cref="OperationCatalog"/>.
/// </summary>
public interface IOperation
{
    /// <summary>Its name and what a batch of it needs beyond a directory: what the probe's hello advertises.</summary>
    OpInfo Info { get; }
    void Prepare(WorkerContext w);
    int Run(WorkerContext w, int i);
    void Cleanup(WorkerContext w);
}
