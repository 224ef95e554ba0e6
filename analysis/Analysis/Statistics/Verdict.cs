namespace Analysis.Statistics;

/// <summary>How a candidate's latencies compare with a baseline's.</summary>
public enum Verdict
{
    /// <summary>Equivalent within the threshold, or the difference is below the noise floor.</summary>
    Same,
    Faster,
    Slower,
    /// <summary>Too few samples to test.</summary>
    Unknown,
}
