using System.Diagnostics;
using FsBench.Protocol;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// Where a launch's time goes, for the run log: opening the probe session, the batches' round trips (of which the
/// timed loops' own wall time; the rest is the guest's untimed preparation and clean-up, the host's fixtures and the
/// channel), and the session's clean-up. What a profile costs is read from these lines (README: the profiles).
/// </summary>
public sealed class LaunchClock
{
    private long _open, _batches, _timed, _cleanup;
    private int _count;

    public T Opening<T>(Func<T> open) => Time(open, ref _open);
    public T CleaningUp<T>(Func<T> cleanup) => Time(cleanup, ref _cleanup);

    public BatchResult Batch(Func<BatchResult> run)
    {
        var result = Time(run, ref _batches);
        _timed += result.WallNs;
        _count++;
        return result;
    }

    private static T Time<T>(Func<T> f, ref long ticks)
    {
        long t0 = Stopwatch.GetTimestamp();
        try { return f(); }
        finally { ticks += Stopwatch.GetTimestamp() - t0; }
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    public override string ToString() =>
        $"open {Seconds(_open):0.00} s, {_count} batches {Seconds(_batches):0.00} s (timed {_timed / 1e9:0.00} s), clean-up {Seconds(_cleanup):0.00} s";
}
