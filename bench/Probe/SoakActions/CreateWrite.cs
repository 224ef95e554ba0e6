using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>Write a small file (open O_CREAT|O_TRUNC, write 0.5–4 KiB, close), as an editor or a tool's output does.</summary>
public sealed class CreateWrite : IMixAction
{
    public string Name => "create_write";
    public int Run(MixWorker w)
    {
        int s = w.RandomSlot();
        int e = w.WriteFile(w.Slot(s), Native.O_CREAT | Native.O_TRUNC);
        if (e == 0) w.Exists[s] = true;
        return e;
    }
}
