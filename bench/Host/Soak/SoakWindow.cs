using FsBench.Protocol;

namespace FsBench.Host.Soak;

/// <summary>
/// One window of the soak (about one second) is its row of timeseries.csv (<see cref="TimeSeriesRow"/>), made here from the
/// probe's reply and kept as written: the tallies and recovery times the host computes from its windows are the ones the
/// folder's timeseries.csv gives back.
/// </summary>
public static class SoakWindow
{
    /// <param name="tS">Seconds from the soak's start to the window's end (host clock).</param>
    /// <param name="hostMs">How long the host waited for the window's reply.</param>
    /// <param name="faults">The faults active during the window ("pause#2").</param>
    public static TimeSeriesRow From(SoakReply r, double tS, int window, double hostMs, string faults, double windowMs, double stallMs)
    {
        var w = new TimeSeriesRow
        {
            TS = Math.Round(tS, 3), Window = window, Ops = r.Ops, Failures = r.Failures, Errnos = TimeSeriesRow.ErrnosText(r.Errnos),
            P50Ms = Math.Round(r.P50Ns / 1e6, 3), P99Ms = Math.Round(r.P99Ns / 1e6, 3), MaxMs = Math.Round(r.MaxNs / 1e6, 3), Stalls = r.Stalls,
            LagMs = Math.Round(r.LagNs / 1e6, 3), HostMs = Math.Round(hostMs, 1), Root = r.RootErrno == 0 ? Ok : r.RootErrnoName, Faults = faults,
        };
        w.Classes = ClassesOf(w, hostMs, windowMs, stallMs);
        return w;
    }

    /// <summary>A window in which the channel died: no ops came back; the whole window is a mount failure.</summary>
    public static TimeSeriesRow ChannelLost(double tS, int window, double hostMs, string faults) => new()
    {
        TS = Math.Round(tS, 3), Window = window, HostMs = Math.Round(hostMs, 1), Root = "CHANNEL", Faults = faults,
        Classes = FailureClasses.Name(FailureClass.MountFailure),
    };

    /// <summary>The root answered after the window.</summary>
    public const string Ok = "OK";

    public static long Successes(this TimeSeriesRow w) => w.Ops - w.Failures;
    public static bool RootOk(this TimeSeriesRow w) => w.Root == Ok;
    public static bool Has(this TimeSeriesRow w, FailureClass c) => w.Has(FailureClasses.Name(c));

    /// <summary>The failure classes seen in the window ("stall operation_error"), or "" for a clean window.</summary>
    /// <param name="hostMs">The wait as measured, before rounding.</param>
    private static string ClassesOf(TimeSeriesRow w, double hostMs, double windowMs, double stallMs)
    {
        var classes = new List<FailureClass>();
        if (w.Failures > 0) classes.Add(Taxonomy.OfFailedOp(w.RootOk() ? 0 : 1));
        else if (!w.RootOk()) classes.Add(FailureClass.MountFailure);
        if (Taxonomy.IsStalledWindow(w.Stalls, hostMs, windowMs, stallMs)) classes.Add(FailureClass.Stall);
        return string.Join(' ', classes.Select(FailureClasses.Name));
    }
}
