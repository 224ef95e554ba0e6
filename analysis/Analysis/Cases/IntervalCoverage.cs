using Analysis.Statistics;

namespace Analysis.Cases;

/// <summary>
/// Does what one run says hold in the other? For every case both runs judged against local over launches: whether one
/// run's interval of the ratio to local holds the other run's estimate, both ways, for the next-run (prediction) interval
/// (95% expected when the runs differ by launch-to-launch noise only) and for the confidence interval (which is about the
/// true ratio: 90.7% expected over three repetitions).
/// </summary>
public sealed record IntervalCoverage(int Cases, int NextRunForward, int NextRunBackward, int ConfidenceForward, int ConfidenceBackward)
{
    public static IntervalCoverage Of(RunAnalysis b, RunAnalysis c)
    {
        int cases = 0, nf = 0, nb = 0, cf = 0, cb = 0;
        foreach (var (_, before, after) in JudgedPairs.VsLocal(b, c, v => v.Launch is { WithinLaunchOnly: false }))
        {
            LaunchRatio first = before.Launch!, cand = after.Launch!;
            cases++;
            if (first.NextRun is { } bn && bn.Contains(cand.Ratio.Value)) nf++;
            if (cand.NextRun is { } cn && cn.Contains(first.Ratio.Value)) nb++;
            if (first.Ratio.Contains(cand.Ratio.Value)) cf++;
            if (cand.Ratio.Contains(first.Ratio.Value)) cb++;
        }
        return new IntervalCoverage(cases, nf, nb, cf, cb);
    }
}
