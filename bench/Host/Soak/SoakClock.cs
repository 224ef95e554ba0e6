using System.Diagnostics;

namespace FsBench.Host.Soak;

/// <summary>Seconds since the soak's load started (host monotonic clock): the time axis of every soak file.</summary>
public sealed class SoakClock
{
    private long _origin = Stopwatch.GetTimestamp();
    public void Restart() => _origin = Stopwatch.GetTimestamp();
    public double Seconds => Stopwatch.GetElapsedTime(_origin).TotalSeconds;
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_origin);
}
