using FsBench.Protocol;

namespace FsBench.Host.Soak;

/// <summary>One window of the soak (about one second): a row of timeseries.csv (<see cref="TimeSeriesRow"/>).</summary>
public sealed record SoakPoint
{
    /// <summary>Seconds from the soak's start to the window's end (host clock).</summary>
    public double TS { get; init; }
    public int Window { get; init; }
    public long Ops { get; init; }
    public long Failures { get; init; }
    public Dictionary<string, long> Errnos { get; init; } = new();
    public double P50Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public long Stalls { get; init; }
    public double LagMs { get; init; }
    /// <summary>How long the host waited for the window's reply.</summary>
    public double HostMs { get; init; }
    public string Root { get; init; } = "OK";
    /// <summary>The failure classes seen in this window ("stall operation_error"), or "" for a clean window.</summary>
    public string Classes { get; init; } = "";
    /// <summary>The faults active during the window ("pause#2").</summary>
    public string Faults { get; init; } = "";

    public long Successes => Ops - Failures;
    public double StartS => TS - HostMs / 1000;
    public bool RootOk => Root == "OK";

    public static SoakPoint From(SoakReply r, double tS, int window, double hostMs, string faults, double windowMs, double stallMs)
    {
        var p = new SoakPoint
        {
            TS = tS, Window = window, Ops = r.Ops, Failures = r.Failures, Errnos = r.Errnos,
            P50Ms = r.P50Ns / 1e6, P99Ms = r.P99Ns / 1e6, MaxMs = r.MaxNs / 1e6, Stalls = r.Stalls,
            LagMs = r.LagNs / 1e6, HostMs = hostMs, Root = r.RootErrno == 0 ? "OK" : r.RootErrnoName, Faults = faults,
        };
        return p with { Classes = ClassesOf(p, windowMs, stallMs) };
    }

    /// <summary>A window in which the channel died: no ops came back; the whole window is a mount failure.</summary>
    public static SoakPoint ChannelLost(double tS, int window, double hostMs, string faults) => new()
    {
        TS = tS, Window = window, HostMs = hostMs, Root = "CHANNEL", Faults = faults, Classes = FailureClasses.Name(FailureClass.MountFailure),
    };

    private static string ClassesOf(SoakPoint p, double windowMs, double stallMs)
    {
        var classes = new List<FailureClass>();
        if (p.Failures > 0) classes.Add(Taxonomy.OfFailedOp(p.RootOk ? 0 : 1));
        else if (!p.RootOk) classes.Add(FailureClass.MountFailure);
        if (Taxonomy.IsStalledWindow(p.Stalls, p.HostMs, windowMs, stallMs)) classes.Add(FailureClass.Stall);
        return string.Join(' ', classes.Select(FailureClasses.Name));
    }

    public bool Has(FailureClass c) => Classes.Split(' ').Contains(FailureClasses.Name(c));

    public TimeSeriesRow ToRow() => new()
    {
        TS = Math.Round(TS, 3), Window = Window, Ops = Ops, Failures = Failures,
        Errnos = string.Join(' ', Errnos.Where(e => e.Value > 0).OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value}")),
        P50Ms = Math.Round(P50Ms, 3), P99Ms = Math.Round(P99Ms, 3), MaxMs = Math.Round(MaxMs, 3), Stalls = Stalls,
        LagMs = Math.Round(LagMs, 3), HostMs = Math.Round(HostMs, 1), Root = Root, Classes = Classes, Faults = Faults,
    };
}
