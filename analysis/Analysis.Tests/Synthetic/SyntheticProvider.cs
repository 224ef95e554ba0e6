namespace Analysis.Tests.Synthetic;

/// <summary>A made-up provider: its latency scale (lognormal median, ns), failure rate and errno.</summary>
public sealed record SyntheticProvider(string Name, string Acceleration, double MedianNs, double FailureRate = 0, string Errno = "EACCES");
