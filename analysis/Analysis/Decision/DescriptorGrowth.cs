
namespace Analysis.Decision;

/// <summary>
/// Growth of the open host descriptors of a provider's processes over a soak (all sampled roles summed per
/// second, the first <see cref="SettleSeconds"/> left out as start-up): the least-squares slope per hour, and the
/// hours until the projected count reaches the host limit. It <see cref="Leaks"/> when it grew by at least
/// <see cref="MinimumGrowth"/> descriptors and would reach the limit within <see cref="HorizonHours"/>.
/// </summary>
public sealed record DescriptorGrowth(int Samples, double First, double Last, double PerHour, double Limit, string Roles)
{
    public const double SettleSeconds = 10;
    public const double MinimumGrowth = 10;
    public const double HorizonHours = 24;
    public const int MinimumSamples = 20;

    public bool Measured => Samples >= MinimumSamples;
    public double HoursToLimit => PerHour > 0 ? Math.Max(0, (Limit - Last) / PerHour) : double.PositiveInfinity;
    public bool Leaks => Measured && PerHour > 0 && Last - First >= MinimumGrowth && HoursToLimit < HorizonHours;

    public string Text => !Measured ? "not sampled"
        : PerHour <= 0 || Last - First < MinimumGrowth ? $"{First:0} → {Last:0} fds ({Roles}), no growth"
        : $"{First:0} → {Last:0} fds ({Roles}), +{Figures.Units.Significant(PerHour)}/h, limit {Limit:N0} in {Figures.Units.Significant(HoursToLimit)} h";

    public static DescriptorGrowth Of(IReadOnlyList<VmmRow> rows, double limit)
    {
        var perSecond = rows.GroupBy(r => Math.Round(r.TS)).OrderBy(g => g.Key)
            .Select(g => (T: g.Key, Fds: (double)g.Sum(r => r.OpenFds))).ToList();
        if (perSecond.Count > 0) perSecond = perSecond.Where(p => p.T >= perSecond[0].T + SettleSeconds).ToList();
        string roles = string.Join("+", rows.Select(r => r.Role).Distinct().Order(StringComparer.Ordinal));
        if (perSecond.Count < MinimumSamples) return new DescriptorGrowth(perSecond.Count, 0, 0, 0, limit, roles);
        double mt = perSecond.Average(p => p.T), mf = perSecond.Average(p => p.Fds);
        double sxx = perSecond.Sum(p => (p.T - mt) * (p.T - mt)), sxy = perSecond.Sum(p => (p.T - mt) * (p.Fds - mf));
        double perSecondSlope = sxx > 0 ? sxy / sxx : 0;
        return new DescriptorGrowth(perSecond.Count, perSecond[0].Fds, perSecond[^1].Fds, perSecondSlope * 3600, limit, roles);
    }
}
