using FsBench.Probe.Libc;
namespace FsBench.Probe.KnownBugs;

/// <summary>mkdir(path, 0): AVF returns EACCES yet creates the directory (FB16008360, containers/podman#24725).</summary>
public sealed class MkdirModeZero : IKnownBugProbe
{
    public string Name => "mkdir_mode0";
    public string Expected => "mkdir(dir, 0) succeeds and the directory exists (podman#24725, FB16008360)";

    public string? Check(string dir)
    {
        string p = $"{dir}/m0";
        try
        {
            if (Native.Mkdir(p, 0) != 0) return Observe.FailedButLeft(Observe.Err(), p);
            return Observe.Exists(p) ? null : "succeeded, but the directory is missing";
        }
        finally { Native.Chmod(p, 0x1c0); Native.Rmdir(p); }
    }
}
