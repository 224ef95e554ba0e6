namespace FsBench.Probe.Soak;

/// <summary>
/// The open-loop schedule: op i is due at origin + i / rate, whatever happened before it. An op's latency is
/// measured from that intended start, so when the filesystem stalls, every op scheduled during the stall is late
/// and its latency includes the wait (coordinated omission corrected, as wrk2 and HdrHistogram describe it).
/// The schedule lives for the whole soak, across windows: a window ends at a fixed point of the timeline, not
/// of the wall clock, so the ops a stalled window could not start are still owed by the next one.
/// Times are in Stopwatch ticks.
/// </summary>
public sealed class OpenLoopSchedule(long originTicks, double rate, long ticksPerSecond)
{
    public long OriginTicks => originTicks;
    public double Rate => rate;

    /// <summary>When op <paramref name="i"/> is due.</summary>
    public long IntendedTicks(long i) => originTicks + (long)(i * (double)ticksPerSecond / rate);

    /// <summary>How many ops are due before <paramref name="offsetTicks"/> after the origin (indices 0 .. n-1).</summary>
    public long CountDueBefore(long offsetTicks) => offsetTicks <= 0 ? 0 : (long)Math.Ceiling(offsetTicks * rate / ticksPerSecond);

    /// <summary>
    /// What the probe's workers do, in closed form (for tests and for reasoning): op i starts when it is due and a
    /// worker is free (workers take ops in order), runs for <paramref name="serviceSeconds"/>[i], and its latency is
    /// its end minus its due time. Returns the latencies in seconds.
    /// </summary>
    public static double[] Simulate(double rate, int workers, IReadOnlyList<double> serviceSeconds)
    {
        var free = new double[workers];
        var latencies = new double[serviceSeconds.Count];
        for (int i = 0; i < serviceSeconds.Count; i++)
        {
            int k = Array.IndexOf(free, free.Min());
            double due = i / rate;
            double end = Math.Max(due, free[k]) + serviceSeconds[i];
            free[k] = end;
            latencies[i] = end - due;
        }
        return latencies;
    }
}
