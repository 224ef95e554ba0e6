namespace FsBench.Host.Providers.Machine;

/// <summary>
/// A real host sleep, opt-in (FSBENCH_ALLOW_HOST_SLEEP=1, and sudo without a password prompt for pmset):
/// `sudo pmset relative wake N` schedules the wake, `sudo pmset sleepnow` sleeps. Unlike a REST pause or
/// SIGSTOP, this fires the power notifications (krunkit's --timesync listens for them) and jumps the clock.
/// </summary>
public static class HostSleep
{
    public const string AllowVar = "FSBENCH_ALLOW_HOST_SLEEP";

    /// <summary>How long after the scheduled wake the sleep still counts (the Mac takes a while to come back).</summary>
    public static readonly TimeSpan WakeMargin = TimeSpan.FromSeconds(15);

    public static bool Allowed => Environment.GetEnvironmentVariable(AllowVar) == "1";

    public const string Mechanism = "sudo pmset relative wake N, then sudo pmset sleepnow (opt-in: " + AllowVar + "=1)";

    /// <summary>Null when this host may be put to sleep now; otherwise why not.</summary>
    public static string? WhyNot() =>
        !OperatingSystem.IsMacOS() ? "host sleep is a macOS test (pmset): this is not a Mac"
        : !Allowed ? $"host sleep is opt-in: set {AllowVar}=1 (it sleeps this Mac)"
        : null;

    public static List<List<string>> Commands(int wakeAfterSeconds) =>
    [
        ["-n", "pmset", "relative", "wake", wakeAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ["-n", "pmset", "sleepnow"],
    ];

    /// <summary>Schedules the wake and sleeps the Mac; returns the UTC time by which it should be awake again.</summary>
    public static async Task<DateTime> BeginAsync(int wakeAfterSeconds, CancellationToken ct)
    {
        if (WhyNot() is { } why) throw new Study.StudyException(why);
        var awake = DateTime.UtcNow + TimeSpan.FromSeconds(wakeAfterSeconds) + WakeMargin;
        foreach (var args in Commands(wakeAfterSeconds)) await Tool.OutputAsync("sudo", args, ct);
        return awake;
    }

    /// <summary>Waits, by the wall clock (which jumps across a sleep, unlike a monotonic delay), until <paramref name="awakeUtc"/>.</summary>
    public static async Task WaitAwakeAsync(DateTime awakeUtc, CancellationToken ct)
    {
        while (DateTime.UtcNow < awakeUtc) await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
    }
}
