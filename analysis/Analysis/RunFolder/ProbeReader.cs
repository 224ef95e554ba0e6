using FsBench.Protocol;
using HdrHistogram;

namespace Analysis.RunFolder;

/// <summary>Reads one probe case file and its histogram, checking them against the case they belong to.</summary>
public static class ProbeReader
{
    public static (ProbeCase Probe, HistogramBase Histogram) Read(string path, CaseKey expected)
    {
        var probe = RunFormatJson.Read<ProbeCase>(path);
        if (probe.Key != expected) throw new BadInputException(path, $"describes case {probe.Key}, expected {expected}");
        if (string.IsNullOrEmpty(probe.Histogram) && probe.Ops > probe.Failures)
            throw new BadInputException(path, "\"histogram\" is missing");
        if (probe.SamplesNs.Any(v => !(v > 0) || double.IsInfinity(v)))
            throw new BadInputException(path, "\"samples_ns\" holds a value that is not a positive number");

        HistogramBase histogram;
        try
        {
            histogram = string.IsNullOrEmpty(probe.Histogram) ? new LongHistogram(1_000_000_000_000L, 3) : HistogramCodec.Decode(probe.Histogram);
        }
        catch (FormatException e)
        {
            throw new BadInputException(path, $"\"histogram\" is corrupt: {e.Message}");
        }
        return (probe, histogram);
    }
}
