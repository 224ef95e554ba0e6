namespace FsBench.Probe.KnownBugs;

/// <summary>
/// open(O_CREAT|O_EXCL, mode) with mode 0, 0200 or 0444: AVF returns EACCES and may leave an orphan
/// (lima-vm/lima#5039, apple/container#1344); libkrun did the same with 0444 before krunkit 1.3.2 (libkrun#769).
/// </summary>
public sealed class CreateExclusive(uint mode) : KnownBugProbe($"create_excl_{Octal(mode)}",
    $"open(O_CREAT|O_EXCL|O_WRONLY, {Octal(mode)}) returns a descriptor (lima#5039, apple/container#1344, libkrun#769)")
{
    private readonly uint _mode = mode;

    public override string? Check(string dir)
    {
        string p = $"{dir}/x";
        int fd = Native.Open(p, Native.O_CREAT | Native.O_EXCL | Native.O_WRONLY | Native.O_CLOEXEC, _mode);
        if (fd < 0) return Observe.FailedButLeft(Observe.Err(), p);
        Native.Close(fd);
        return null;
    }

    private static string Octal(uint mode) => Convert.ToString(mode, 8).PadLeft(4, '0');
}
