using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>mkdir -p of a three-level path in a small tree (4×4×4 leaves): EEXIST on a level is normal.</summary>
public sealed class MkdirTree : IMixAction
{
    private const int EEXIST = 17;
    public string Name => "mkdir_p";
    public int Run(MixWorker w)
    {
        string path = $"{w.Dir}/tree";
        foreach (string part in new[] { "", $"/a{w.Random.Next(4)}", $"/b{w.Random.Next(4)}", $"/c{w.Random.Next(4)}" })
        {
            path += part;
            w.LastPath = path;
            int e = Native.Check(Native.Mkdir(path, 0x1ed));
            if (e != 0 && e != EEXIST) return e;
        }
        return 0;
    }
}
