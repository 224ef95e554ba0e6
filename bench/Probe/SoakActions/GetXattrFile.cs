using FsBench.Probe.Soak;
namespace FsBench.Probe.SoakActions;

/// <summary>
/// lgetxattr of an attribute the file does not carry, as ls -l and cp -a ask for security.* labels: ENODATA
/// ("no such attribute") and EOPNOTSUPP ("no xattrs here") are answers, not failures.
/// </summary>
public sealed unsafe class GetXattrFile : IMixAction
{
    private const int ENODATA = 61, EOPNOTSUPP = 95;
    public string Name => "getxattr";
    public int Run(MixWorker w)
    {
        int s = w.RandomExisting();
        w.LastPath = s < 0 ? w.Dir : w.Slot(s);
        byte* buf = stackalloc byte[256];
        int e = Native.Check(Native.GetXattr(w.LastPath, "user.fsbench.mix", buf, 256));
        return e is ENODATA or EOPNOTSUPP ? 0 : e;
    }
}
