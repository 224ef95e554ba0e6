namespace FsBench.Host.Providers.Machine;

/// <summary>
/// A real host sleep, opt-in (FSBENCH_ALLOW_HOST_SLEEP=1, and sudo without a password prompt for pmset):
/// `sudo pmset relative wake N` schedules the wake, `sudo pmset sleepnow` sleeps. Unlike a REST pause or
/// SIGSTOP, this fires the power notifications (krunkit's --timesync listens for them) and jumps the clock.
/// </summary>
public static class HostSleep
{
    public const string AllowVar = "FSBENCH_ALLOW_HOST_SLEEP";

    public static bool Allowed => Environment.GetEnvironmentVariable(AllowVar) == "1";

    public static List<List<string>> Commands(int wakeAfterSeconds) =>
    [
        ["-n", "pmset", "relative", "wake", wakeAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["-n", "pmset", "sleepnow"],
    ];

    /// <summary>Sleeps the Mac and returns once it is awake again (or after the wake time plus a margin).</summary>
    public static async Task SleepAsync(int wakeAfterSeconds, CancellationToken ct)
    {
        if (!OperatingSystem.IsMacOS()) throw new Study.StudyException("host sleep is a macOS test (pmset): this is not a Mac");
        if (!Allowed) throw new Study.StudyException($"host sleep is opt-in: set {AllowVar}=1 (it sleeps this Mac)");
        foreach (var args in Commands(wakeAfterSeconds)) await Tool.OutputAsync("sudo", args, ct);
        await Task.Delay(TimeSpan.FromSeconds(wakeAfterSeconds + 15), ct);
    }
}
