namespace Analysis.Statistics;

/// <summary>How a candidate's latencies compare with a baseline's; the words say what was tested.</summary>
public enum Verdict
{
    /// <summary>No difference beyond the threshold was shown (which is not shown equivalence).</summary>
    Same,
    Faster,
    Slower,
    /// <summary>Too few samples to test.</summary>
    Unknown,
    /// <summary>An equivalence test (TOST: the 90% interval of the ratio inside ±threshold) passed.</summary>
    Equivalent,
}

public static class VerdictWords
{
    public static string Of(Verdict v) => v switch
    {
        Verdict.Slower => "slower",
        Verdict.Faster => "faster",
        Verdict.Same => "no difference shown",
        Verdict.Equivalent => "equivalent",
        _ => "not judged",
    };
}
