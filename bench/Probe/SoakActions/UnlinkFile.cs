using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>unlink of a file the worker wrote (ENOENT here means a file it created has vanished); a write when it has none.</summary>
public sealed class UnlinkFile : IMixAction
{
    public string Name => "unlink";
    public int Run(MixWorker w)
    {
        int s = w.RandomExisting();
        if (s < 0) return new CreateWrite().Run(w);
        w.LastPath = w.Slot(s);
        int e = Native.Check(Native.Unlink(w.LastPath));
        if (e == 0) w.Exists[s] = false;
        return e;
    }
}
