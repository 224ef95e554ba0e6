namespace Analysis.Tests.Synthetic;

/// <summary>A made-up provider: its latency scale (lognormal median, ns), failure rate and errno.</summary>
public sealed record SyntheticProvider(string Name, string Acceleration, double MedianNs, double FailureRate = 0, string Errno = "EACCES")
{
    /// <summary>The provider's manifest settings (e.g. recorded start-up times).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];
}
