using System.Diagnostics;

namespace FsBench.Host.Soak;

/// <summary>Seconds since the soak's load started (host monotonic clock): the time axis of every soak file.</summary>
public sealed class SoakClock
{
    private long _origin = Stopwatch.GetTimestamp();
    private DateTime _originUtc = DateTime.UtcNow;

    public void Restart() => (_origin, _originUtc) = (Stopwatch.GetTimestamp(), DateTime.UtcNow);
    public double Seconds => Stopwatch.GetElapsedTime(_origin).TotalSeconds;
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_origin);

    /// <summary>The wall-clock time of a point on this clock's axis (for matching against other run folders).</summary>
    public DateTime Utc(double seconds) => _originUtc + TimeSpan.FromSeconds(seconds);
}
