namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>
/// Builds the whole Mac study as an ordered list of steps (plan.json, <see cref="MacStudyPlan"/>). One machine at a
/// time: each machine step starts its provider's machine and stops it before the next; within every benchmark
/// repetition the providers run one after the other, the order alternating across repetitions (A B, B A, ...) so slow
/// drift of the Mac touches both alike.
/// </summary>
public static class MacStudyPlanner
{
    /// <summary>The providers of repetition r (1-based): the settings' order on odd repetitions, reversed on even ones.</summary>
    public static string[] OrderFor(string[] providers, int repetition) =>
        repetition % 2 == 1 ? providers : providers.Reverse().ToArray();

    public static MacStudyPlan Build(MacStudySettings s)
    {
        var steps = new List<MacStep> { new() { Id = "preflight", Kind = MacStepKind.Preflight } };
        foreach (var p in s.Providers) steps.Add(new() { Id = $"opcost-{p}", Kind = MacStepKind.OpCost, Provider = p });
        for (int r = 1; r <= s.Repetitions; r++)
            foreach (var p in OrderFor(s.Providers, r))
                steps.Add(new() { Id = $"bench-r{r}-{p}", Kind = MacStepKind.Bench, Provider = p, Repetition = r });
        foreach (var p in OrderFor(s.Providers, s.Repetitions + 1))
            steps.Add(new() { Id = $"soak-{p}", Kind = MacStepKind.Soak, Provider = p });
        if (s.Gpu)
            foreach (var p in s.Providers) steps.Add(new() { Id = $"gpu-{p}", Kind = MacStepKind.Gpu, Provider = p });
        steps.Add(new() { Id = "memo", Kind = MacStepKind.Memo });
        steps.Add(new() { Id = "cleanup", Kind = MacStepKind.Cleanup });
        return new MacStudyPlan { Settings = s, Steps = steps };
    }
}
