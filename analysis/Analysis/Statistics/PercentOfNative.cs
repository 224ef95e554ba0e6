namespace Analysis.Statistics;

/// <summary>
/// A workload's speed as a percentage of native: median time to completion on local / median on the provider × 100
/// (100% = as fast as local; what OrbStack's "75–95% of native" means), with a 95% percentile-bootstrap interval over
/// the repetitions: both sets of repetitions resampled with replacement, independently, 4,000 times, from a fixed seed.
/// </summary>
public static class PercentOfNative
{
    public const int Resamples = 4000;
    public const string Method =
        "median time to completion on local / median on the provider × 100, with a 95% percentile-bootstrap interval " +
        "(both providers' repetitions resampled with replacement, 4,000 times, fixed seed); with few repetitions the interval is wide";

    public static Estimate? Of(IReadOnlyList<double> providerSeconds, IReadOnlyList<double> localSeconds)
    {
        if (providerSeconds.Count == 0 || localSeconds.Count == 0 || providerSeconds.Any(s => s <= 0)) return null;
        double point = 100 * Medians.Of(localSeconds) / Medians.Of(providerSeconds);
        var rng = new Random(20261201);
        var boot = new double[Resamples];
        var p = new double[providerSeconds.Count];
        var l = new double[localSeconds.Count];
        for (int b = 0; b < Resamples; b++)
        {
            for (int i = 0; i < p.Length; i++) p[i] = providerSeconds[rng.Next(p.Length)];
            for (int i = 0; i < l.Length; i++) l[i] = localSeconds[rng.Next(l.Length)];
            boot[b] = 100 * Medians.Of(l) / Medians.Of(p);
        }
        Array.Sort(boot);
        return new Estimate(point, boot[(int)(0.025 * (Resamples - 1))], boot[(int)Math.Ceiling(0.975 * (Resamples - 1))]);
    }
}
