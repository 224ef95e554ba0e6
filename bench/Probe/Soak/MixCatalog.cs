using FsBench.Probe.SoakActions;

namespace FsBench.Probe.Soak;

/// <summary>Every soak action, by name (the mix file bench/soak-mix.json gives each a weight).</summary>
public static class MixCatalog
{
    public static readonly IReadOnlyList<IMixAction> All =
    [
        new CreateWrite(), new RenameOver(), new StatFile(), new GetXattrFile(),
        new MkdirTree(), new ListDir(), new UnlinkFile(), new GitLink(),
    ];

    public static IMixAction? Find(string name) => All.FirstOrDefault(a => a.Name == name);
    public static string[] Names => All.Select(a => a.Name).ToArray();
}
