using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>readdir of the worker's directory to the end (ls, glob, a file watcher's rescan).</summary>
public sealed class ListDir : IMixAction
{
    public string Name => "readdir";
    public int Run(MixWorker w)
    {
        w.LastPath = w.Dir;
        return Fs.ListToEnd(w.Dir);
    }
}
