namespace FsBench.Probe.Ops;

/// <summary>Every operation the probe knows, by name.</summary>
public static class OperationCatalog
{
    public static readonly IReadOnlyList<IOperation> All =
    [
        new Mkdir(), new Rmdir(), new Create(), new OpenExisting(), new Stat(),
        new GetXattr(), new SetXattr(), new ListXattr(), new Rename(), new Unlink(),
        new Link(), new Symlink(), new Readdir(), new Chmod(), new Utimens(), new CopyUp(),
        new StatCold(), new OpenCold(), new GetXattrCold(), new ListXattrCold(), new ChmodCold(), new UtimensCold(),
    ];

    public static IOperation? Find(string name) => All.FirstOrDefault(o => o.Name == name);
    public static string[] Names => All.Select(o => o.Name).ToArray();

    /// <summary>What this probe advertises in its hello reply: its operations, with their needs (declared in <see cref="Protocol.ProbeOps"/>).</summary>
    public static Protocol.OpInfo[] Advertised => All.Select(o => Protocol.ProbeOps.Find(o.Name) ?? new Protocol.OpInfo { Name = o.Name }).ToArray();
}
