using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>Save by rename: write a temporary file, then rename it over the target (editors, git's index.lock).</summary>
public sealed class RenameOver : IMixAction
{
    public string Name => "rename_over";
    public int Run(MixWorker w)
    {
        int s = w.RandomSlot();
        string tmp = w.NextTemp(w.Dir);
        int e = w.WriteFile(tmp, Native.O_CREAT | Native.O_EXCL);
        if (e == 0)
        {
            w.LastPath = w.Slot(s);
            e = Native.Check(Native.Rename(tmp, w.Slot(s)));
        }
        if (e == 0) w.Exists[s] = true;
        else Native.Unlink(tmp);
        return e;
    }
}
