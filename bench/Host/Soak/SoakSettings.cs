namespace FsBench.Host.Soak;

/// <summary>What one soak does, from the command line; recorded in the manifest's settings.</summary>
public sealed record SoakSettings
{
    public string Provider { get; init; } = "local";
    public string Mount { get; init; } = "bind";
    public int Workers { get; init; } = 4;
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Target ops/s over all workers (open loop); 0 = closed loop.</summary>
    public double Rate { get; init; } = 100;
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan StallThreshold { get; init; } = TimeSpan.FromSeconds(1);
    public string Faults { get; init; } = "";
    public TimeSpan KnownBugEvery { get; init; } = TimeSpan.FromSeconds(60);
    public int KnownBugRuns { get; init; } = 3;
    /// <summary>No answer from the probe for this long is a mount failure (raised to cover the longest fault).</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>After a mount failure, stop and start the provider and go on, at most this many times.</summary>
    public int Restarts { get; init; }
    public string MixPath { get; init; } = "";
    public string ProbePath { get; init; } = "";
    public string ScratchDir { get; init; } = "";

    public bool OpenLoop => Rate > 0;

    /// <summary>The hang timeout actually used: at least the longest planned fault plus a window plus 10 s.</summary>
    public TimeSpan EffectiveHangTimeout(IEnumerable<FaultAction> plan)
    {
        var longest = plan.Select(a => a.Duration ?? TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).Max();
        var needed = longest + Window + TimeSpan.FromSeconds(10);
        return HangTimeout > needed ? HangTimeout : needed;
    }

    /// <summary>The manifest's settings section.</summary>
    public SoakSettingsInfo ToManifest(SoakMix mix, TimeSpan hangTimeout) => new()
    {
        Provider = Provider, Mount = Mount, Workers = Workers, DurationS = Duration.TotalSeconds,
        Loop = OpenLoop ? "open" : "closed", RatePerS = OpenLoop ? Rate : null, WindowMs = Window.TotalMilliseconds,
        StallThresholdMs = StallThreshold.TotalMilliseconds, Faults = Faults, KnownbugEveryS = KnownBugEvery.TotalSeconds,
        KnownbugRuns = KnownBugRuns, HangTimeoutS = hangTimeout.TotalSeconds, Restarts = Restarts, MixFile = MixPath,
        Mix = new(mix.Weights),
    };
}
