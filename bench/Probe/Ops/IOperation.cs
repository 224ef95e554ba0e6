namespace FsBench.Probe.Ops;

/// <summary>
/// One file-metadata operation. <see cref="Prepare"/> and <see cref="Cleanup"/> are untimed;
/// only <see cref="Run"/> is timed. Prepare encodes every path Run needs (see <see cref="WorkerContext"/>) and counts
/// its own failures in <see cref="WorkerContext.Prep"/>; Run does the system call and nothing else, returning 0 or
/// its errno; neither throws. Adding an operation is one small file implementing this, plus a line in
/// <see cref="OperationCatalog"/>.
/// </summary>
public interface IOperation
{
    string Name { get; }
    void Prepare(WorkerContext w);
    int Run(WorkerContext w, int i);
    void Cleanup(WorkerContext w);
}
