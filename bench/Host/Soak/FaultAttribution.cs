namespace FsBench.Host.Soak;

/// <summary>
/// Which applied fault a window's failures belong to (issue 10: channel failures inside a freeze window are the freeze's,
/// not virtio-fs's). A window belongs to a fault when it overlaps the fault's span, from its start to its lift (a kill: its
/// instant). A lost channel or an unanswering root also belongs to it within <see cref="ChannelGrace"/> after the lift: a
/// frozen VMM stalls the ssh/gvproxy tunnel that carries the probe's channel, and its retries outlast the SIGCONT.
/// Failed actions after the fault's window are the provider's (a post-wake window of failing lookups is what the soak looks for).
/// </summary>
public static class FaultAttribution
{
    public static readonly TimeSpan ChannelGrace = TimeSpan.FromSeconds(10);

    /// <summary>The fault a window from <paramref name="startS"/> to <paramref name="endS"/> overlaps, or null.</summary>
    public static string? Overlapping(double startS, double endS, IReadOnlyList<AppliedFault> applied) =>
        applied.LastOrDefault(f => startS <= (f.EndS ?? double.MaxValue) && endS >= f.StartS)?.Label;

    /// <summary>The fault a lost channel or unanswering root that began in the window belongs to, or null.</summary>
    public static string? OfChannel(double startS, double endS, IReadOnlyList<AppliedFault> applied) =>
        applied.LastOrDefault(f => startS <= (f.EndS ?? double.MaxValue) + ChannelGrace.TotalSeconds && endS >= f.StartS)?.Label;
}
