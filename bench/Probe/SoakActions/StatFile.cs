using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>statx of a file the worker wrote (or of its directory before it has any).</summary>
public sealed unsafe class StatFile : IMixAction
{
    public string Name => "stat";
    public int Run(MixWorker w)
    {
        int s = w.RandomExisting();
        w.LastPath = s < 0 ? w.Dir : w.Slot(s);
        StatxBuf buf;
        return Native.Check(Native.Statx(Native.AT_FDCWD, w.LastPath, Native.AT_SYMLINK_NOFOLLOW, Native.STATX_BASIC_STATS, &buf));
    }
}
