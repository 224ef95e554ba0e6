using Perfolizer.Mathematics.Multimodality;

namespace Analysis.Statistics;

/// <summary>
/// Brendan Gregg's mvalue (Perfolizer's MValueCalculator), taken over log latencies: on raw ns the long right
/// tail of an ordinary unimodal latency sample alone pushes it above the threshold.
/// </summary>
public static class Modality
{
    /// <summary>Above this the sample is flagged as possibly multimodal (the threshold BenchmarkDotNet uses).</summary>
    public const double Threshold = 2.8;

    public static double MValue(IReadOnlyList<double> samplesNs) =>
        MValueCalculator.Calculate(samplesNs.Select(v => Math.Log(v)).ToArray());

    public static bool IsMultimodal(double mValue) => mValue > Threshold;
}
