using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>
/// How git stores an object: write objects/tmp_obj_*, link() it to its final name, unlink the temporary.
/// EEXIST on the link means the object is already there, which git accepts.
/// </summary>
public sealed class GitLink : IMixAction
{
    private const int EEXIST = 17;
    public string Name => "git_link";
    public int Run(MixWorker w)
    {
        string tmp = w.NextTemp(w.ObjectsDir);
        string final = $"{w.ObjectsDir}/o{w.RandomSlot()}";
        int e = w.WriteFile(tmp, Native.O_CREAT | Native.O_EXCL);
        if (e != 0) return e;
        w.LastPath = final;
        e = Native.Check(Native.Link(tmp, final));
        if (e == EEXIST) e = 0;
        w.LastPath = tmp;
        int u = Native.Check(Native.Unlink(tmp));
        return e != 0 ? e : u;
    }
}
