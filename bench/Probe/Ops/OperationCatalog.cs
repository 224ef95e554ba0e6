namespace FsBench.Probe.Ops;

/// <summary>Every operation the probe knows, by name: the one list (the host reads it too, before any probe answers).</summary>
public static class OperationCatalog
{
    public static readonly IReadOnlyList<IOperation> All =
    [
        new Mkdir(), new Rmdir(), new Create(), new OpenExisting(), new Stat(),
        new GetXattr(), new SetXattr(), new ListXattr(), new Rename(), new Unlink(),
        new Link(), new Symlink(), new Readdir(), new Chmod(), new Utimens(), new CopyUp(),
        new StatCold(), new OpenCold(), new GetXattrCold(), new ListXattrCold(), new ChmodCold(), new UtimensCold(),
    ];

    public static IOperation? Find(string name) => All.FirstOrDefault(o => o.Info.Name == name);
    public static string[] Names => All.Select(o => o.Info.Name).ToArray();

    /// <summary>The name and needs of the operation called <paramref name="name"/>; null for none.</summary>
    public static OpInfo? Info(string name) => Find(name)?.Info;

    /// <summary>What this probe advertises in its hello reply: its operations, with their needs.</summary>
    public static OpInfo[] Advertised => All.Select(o => o.Info).ToArray();
}
