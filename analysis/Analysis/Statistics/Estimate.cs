namespace Analysis.Statistics;

/// <summary>A point estimate with its 95% interval; NaN bounds mean the sample cannot support an interval ("not estimable").</summary>
public readonly record struct Estimate(double Value, double Lower, double Upper)
{
    public bool Contains(double x) => Lower <= x && x <= Upper;

    public bool Estimable => double.IsFinite(Lower) && double.IsFinite(Upper);
}
