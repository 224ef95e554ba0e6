
namespace Analysis.Decision;

/// <summary>
/// Growth of the open host descriptors of a provider's processes over a soak (all sampled roles summed per sampling sweep), and
/// the hours until the count reaches the host limit at that pace. A file server such as virtiofsd holds one descriptor
/// per inode the guest knows, so the count swings with the working set (a known-bug pass's 5,000-entry tree raises it by
/// 5,000 for seconds). Where the soak made its working set anew after the load (a soak_restored event), the growth is
/// like against like: the first sample (the working set just made) against the last one after the restore; a leak is
/// what stays. Otherwise (soaks without the event) it is the least-squares slope after the first
/// <see cref="SettleSeconds"/>. It <see cref="Leaks"/> when it grew by at least <see cref="MinimumGrowth"/> descriptors
/// and would reach the limit within <see cref="HorizonHours"/>.
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

    public static DescriptorGrowth Of(IReadOnlyList<VmmRow> rows, double limit, double? restoredAtS = null)
    {
        var perSecond = Sweeps(rows);
        string roles = string.Join("+", rows.Select(r => r.Role).Distinct().Order(StringComparer.Ordinal));
        if (restoredAtS is { } restored && perSecond.Count >= MinimumSamples && rows.Max(r => r.TS) >= restored && perSecond[^1].T > perSecond[0].T)
        {
            var (first, last) = (perSecond[0], perSecond[^1]);
            return new DescriptorGrowth(perSecond.Count, first.Fds, last.Fds, (last.Fds - first.Fds) / (last.T - first.T) * 3600, limit, roles);
        }
        if (perSecond.Count > 0) perSecond = perSecond.Where(p => p.T >= perSecond[0].T + SettleSeconds).ToList();
        if (perSecond.Count < MinimumSamples) return new DescriptorGrowth(perSecond.Count, 0, 0, 0, limit, roles);
        double mt = perSecond.Average(p => p.T), mf = perSecond.Average(p => p.Fds);
        double sxx = perSecond.Sum(p => (p.T - mt) * (p.T - mt)), sxy = perSecond.Sum(p => (p.T - mt) * (p.Fds - mf));
        double perSecondSlope = sxx > 0 ? sxy / sxx : 0;
        return new DescriptorGrowth(perSecond.Count, perSecond[0].Fds, perSecond[^1].Fds, perSecondSlope * 3600, limit, roles);
    }

    /// <summary>Max gap between the rows of one sampling sweep (the sampler reads every process within milliseconds).</summary>
    public const double SweepSeconds = 0.2;

    /// <summary>
    /// The samples summed per sweep (each process once), at the sweep's first time. Rounding times to the second put two
    /// sweeps into one (90.525 s and 91.293 s both round to 91) and doubled that second's count.
    /// </summary>
    public static List<(double T, double Fds)> Sweeps(IEnumerable<VmmRow> rows)
    {
        var sweeps = new List<(double T, double Fds)>();
        var latest = new Dictionary<int, double>();   // pid → its last count in the current sweep
        double start = double.NaN;
        foreach (var r in rows.OrderBy(r => r.TS))
        {
            if (latest.Count > 0 && r.TS - start > SweepSeconds)
            {
                sweeps.Add((start, latest.Values.Sum()));
                latest.Clear();
            }
            if (latest.Count == 0) start = r.TS;
            // A process sampled twice within a sweep (the soak's sampler and the one after its restore, ms apart) counts once.
            latest[r.Pid] = r.OpenFds;
        }
        if (latest.Count > 0) sweeps.Add((start, latest.Values.Sum()));
        return sweeps;
    }
}
