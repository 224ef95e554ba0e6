namespace FsBench.Probe.KnownBugs;

/// <summary>mkdir(path, 0): AVF returns EACCES yet creates the directory (FB16008360, containers/podman#24725).</summary>
public sealed class MkdirModeZero() : KnownBugProbe("mkdir_mode0",
    "mkdir(dir, 0) succeeds and the directory exists (podman#24725, FB16008360)")
{
    public override string? Check(string dir)
    {
        string p = $"{dir}/m0";
        if (Native.Mkdir(p, 0) != 0) return Observe.FailedButLeft(Observe.Err(), p);
        return Observe.Exists(p) ? null : "succeeded, but the directory is missing";
    }
}
