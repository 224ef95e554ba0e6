namespace FsBench.Probe.Ops;

/// <summary>
/// One file-metadata operation. <see cref="Prepare"/> and <see cref="Cleanup"/> are untimed;
/// only <see cref="Run"/> is timed. Run returns 0 or the errno of the failure; it never throws.
/// Adding an operation is one small file implementing this, plus a line in <see cref="OperationCatalog"/>.
/// </summary>
public interface IOperation
{
    string Name { get; }
    void Prepare(WorkerContext w);
    int Run(WorkerContext w, int i);
    void Cleanup(WorkerContext w);
}

/// <summary>What one worker needs for one batch: its directory, its name prefix and its item count.</summary>
public sealed class WorkerContext(string dir, string prefix, int count, string? lowerDir = null, string? lowerView = null)
{
    public string Dir { get; } = dir;
    /// <summary>For an overlay: a fresh directory in its lower layer, and the same directory seen through the overlay.</summary>
    public string? LowerDir { get; } = lowerDir;
    public string? LowerView { get; } = lowerView;
    public string Prefix { get; } = prefix;
    public int Count { get; } = count;

    /// <summary>Absolute paths of this worker's items, named "{prefix}{tag}{i}".</summary>
    public string[] Paths(string tag)
    {
        var p = new string[Count];
        for (int i = 0; i < Count; i++) p[i] = $"{Dir}/{Prefix}{tag}{i}";
        return p;
    }

    /// <summary>The path of this worker's single fixture file (for ops that act on one existing file).</summary>
    public string Fixture(string tag) => $"{Dir}/{Prefix}{tag}";

    /// <summary>State an operation keeps between Prepare, Run and Cleanup.</summary>
    public string[] A = [];
    public string[] B = [];
    public string One = "";
}
