namespace Analysis.Statistics;

/// <summary>A point estimate with its 95% interval.</summary>
public readonly record struct Estimate(double Value, double Lower, double Upper)
{
    public bool Contains(double x) => Lower <= x && x <= Upper;
}
