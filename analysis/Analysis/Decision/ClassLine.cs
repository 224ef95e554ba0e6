namespace Analysis.Decision;

/// <summary>What one failure class's side-by-side evidence shows.</summary>
public enum LineOutcome
{
    /// <summary>One of the two providers has no exposure for it.</summary>
    NoEvidence,
    /// <summary>The incumbent had no event: the evidence could not see the problem.</summary>
    NotReproduced,
    /// <summary>The candidate had events.</summary>
    CandidateFails,
    /// <summary>The candidate had none, and its 95% upper bound is below the incumbent's lower bound / <see cref="ClassLine.RequiredImprovement"/>.</summary>
    Decisive,
    /// <summary>The candidate had none, but too little exposure to show that.</summary>
    TooLittle,
}

/// <summary>
/// One failure class a mitigation guards against, with the side-by-side counts of both roles.
/// <see cref="Needed"/>: the candidate exposure (same unit) whose zero-event 95% upper bound would be decisive,
/// when the incumbent's rate is known.
/// </summary>
public sealed record ClassLine(string Class, string Source, EventCount Incumbent, EventCount Candidate, LineOutcome Outcome, string Text, double? Needed)
{
    public const double RequiredImprovement = 10;

    public ExposureUnit Unit => Incumbent.Unit;

    /// <summary>A class counted as events against operations, hours or cycles.</summary>
    public static ClassLine Rates(string name, string source, EventCount incumbent, EventCount candidate, Roles roles)
    {
        string numbers = $"{roles.Incumbent} {incumbent}; {roles.Candidate} {candidate}";
        if (!incumbent.HasExposure || !candidate.HasExposure)
            return new(name, source, incumbent, candidate, LineOutcome.NoEvidence,
                $"no side-by-side {source} ({(incumbent.HasExposure ? roles.Candidate : roles.Incumbent)} has none)", null);
        if (candidate.Events > 0) return new(name, source, incumbent, candidate, LineOutcome.CandidateFails, numbers, null);
        if (incumbent.Events == 0) return new(name, source, incumbent, candidate, LineOutcome.NotReproduced, $"neither failed: {numbers}", null);
        double target = incumbent.Rate.Lower / RequiredImprovement;
        double needed = EventCount.ExposureForBound(target, incumbent.Unit);
        return candidate.Rate.Upper < target
            ? new(name, source, incumbent, candidate, LineOutcome.Decisive,
                $"{numbers}; {roles.Candidate}'s bound < {roles.Incumbent}'s lower bound / {RequiredImprovement:0} = {EventCount.RateText(target, incumbent.Unit)}", needed)
            : new(name, source, incumbent, candidate, LineOutcome.TooLittle,
                $"{numbers}; {roles.Candidate}'s bound is not below {roles.Incumbent}'s lower bound / {RequiredImprovement:0} = {EventCount.RateText(target, incumbent.Unit)}: " +
                $"needs {EventCount.ExposureText(needed, incumbent.Unit)}", needed);
    }

    /// <summary>Host descriptor growth: leaking means reaching the host limit within <see cref="DescriptorGrowth.HorizonHours"/> h.</summary>
    public static ClassLine Growth(IReadOnlyList<SoakEvidence> incumbent, IReadOnlyList<SoakEvidence> candidate, Roles roles)
    {
        const string name = "host descriptor growth", source = "soaks";
        var inc = incumbent.Where(s => s.Descriptors.Measured).ToList();
        var cand = candidate.Where(s => s.Descriptors.Measured).ToList();
        EventCount Count(List<SoakEvidence> s) => new(s.Count(x => x.Descriptors.Leaks), s.Sum(x => x.Hours), ExposureUnit.Hours);
        var (a, b) = (Count(inc), Count(cand));
        string Worst(List<SoakEvidence> s) => s.Count == 0 ? "not sampled" : s.OrderBy(x => x.Descriptors.HoursToLimit).First().Descriptors.Text;
        string numbers = $"{roles.Incumbent} {Worst(inc)}; {roles.Candidate} {Worst(cand)}";
        if (inc.Count == 0 || cand.Count == 0)
            return new(name, source, a, b, LineOutcome.NoEvidence, $"no side-by-side descriptor samples ({numbers})", null);
        if (b.Events > 0) return new(name, source, a, b, LineOutcome.CandidateFails, $"{roles.Candidate} leaks: {numbers}", null);
        if (a.Events == 0) return new(name, source, a, b, LineOutcome.NotReproduced, $"neither leaks: {numbers}", null);
        double incHours = inc.Min(x => x.Descriptors.HoursToLimit), candHours = cand.Min(x => x.Descriptors.HoursToLimit);
        return candHours >= RequiredImprovement * incHours
            ? new(name, source, a, b, LineOutcome.Decisive, $"{numbers}: the candidate lasts ≥ {RequiredImprovement:0}× longer", null)
            : new(name, source, a, b, LineOutcome.TooLittle, $"{numbers}: not {RequiredImprovement:0}× longer to the limit", null);
    }
}
