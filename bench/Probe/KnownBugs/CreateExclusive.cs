using FsBench.Probe.Libc;
namespace FsBench.Probe.KnownBugs;

/// <summary>
/// open(O_CREAT|O_EXCL, mode) with mode 0, 0200 or 0444: AVF returns EACCES and may leave an orphan
/// (lima-vm/lima#5039, apple/container#1344); libkrun did the same with 0444 before krunkit 1.3.2 (libkrun#769).
/// </summary>
public sealed class CreateExclusive(uint mode) : IKnownBugProbe
{
    public string Name => $"create_excl_{Convert.ToString(mode, 8).PadLeft(4, '0')}";
    public string Expected => $"open(O_CREAT|O_EXCL|O_WRONLY, {Convert.ToString(mode, 8).PadLeft(4, '0')}) returns a descriptor (lima#5039, apple/container#1344, libkrun#769)";

    public string? Check(string dir)
    {
        string p = $"{dir}/x";
        try
        {
            int fd = Native.Open(p, Native.O_CREAT | Native.O_EXCL | Native.O_WRONLY | Native.O_CLOEXEC, mode);
            if (fd < 0) return Observe.FailedButLeft(Observe.Err(), p);
            Native.Close(fd);
            return null;
        }
        finally { Native.Chmod(p, 0x1a4); Native.Unlink(p); }
    }
}
