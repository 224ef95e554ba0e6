
namespace Analysis.Decision;

/// <summary>
/// Every folder given to <c>report</c>, and the part of it that counts for the decision: only side-by-side evidence
/// of the two roles. Side by side means measured in one study on one machine:
/// <list type="bullet">
/// <item>benchmark runs: one run folder that measured both providers, or run folders of one study (the folders under
/// one <c>mac-study</c> folder, <see cref="StudyOf"/>) that measured both between them;</item>
/// <item>soaks (one provider each): an incumbent and a candidate soak of one study, or on the same host with the same
/// mount, workers, rate and fault plan, started within <see cref="StudyWindow"/> of each other.</item>
/// </list>
/// </summary>
public sealed class DecisionEvidence
{
    public static readonly TimeSpan StudyWindow = TimeSpan.FromHours(48);

    public DecisionEvidence(Roles roles, IReadOnlyList<RunAnalysis> runs, IReadOnlyList<SoakEvidence> soaks, IReadOnlyList<FaultFolder>? faults = null)
    {
        Roles = roles;
        Faults = faults ?? [];
        Runs = runs;
        Soaks = soaks;
        BenchSideBySide = runs.Where(r => r.Has(roles.Incumbent) && r.Has(roles.Candidate) ||
                                          StudyOf(r.Run.Directory) is { } study && (r.Has(roles.Incumbent) || r.Has(roles.Candidate)) &&
                                          runs.Any(o => StudyOf(o.Run.Directory) == study && o.Has(r.Has(roles.Incumbent) ? roles.Candidate : roles.Incumbent)))
            .ToList();
        var incumbent = soaks.Where(s => s.Provider == roles.Incumbent).ToList();
        var candidate = soaks.Where(s => s.Provider == roles.Candidate).ToList();
        SoakSideBySide = incumbent.Where(i => candidate.Any(c => SameStudy(i, c)))
            .Concat(candidate.Where(c => incumbent.Any(i => SameStudy(i, c)))).ToList();
    }

    public Roles Roles { get; }
    public IReadOnlyList<RunAnalysis> Runs { get; }
    public IReadOnlyList<SoakEvidence> Soaks { get; }

    /// <summary>Faults injected by <c>fsbench fault</c>; each counts inside the soak of its provider that was running then.</summary>
    public IReadOnlyList<FaultFolder> Faults { get; }

    public SoakEvidence? SoakOf(FaultFolder fault) => Soaks.FirstOrDefault(s => fault.On(s.Soak) is not null);
    public IReadOnlyList<RunAnalysis> BenchSideBySide { get; }
    public IReadOnlyList<SoakEvidence> SoakSideBySide { get; }

    public IEnumerable<SoakEvidence> SoaksOf(string provider, Func<SoakEvidence, bool>? where = null) =>
        SoakSideBySide.Where(s => s.Provider == provider && (where?.Invoke(s) ?? true));

    /// <summary>Folders that hold either role but have no partner of the other: they do not count, and the memo says so.</summary>
    public IEnumerable<string> Unpaired =>
        Runs.Where(r => (r.Has(Roles.Incumbent) || r.Has(Roles.Candidate)) && !BenchSideBySide.Contains(r)).Select(r => r.Run.Manifest.RunId)
            .Concat(Soaks.Where(s => (s.Provider == Roles.Incumbent || s.Provider == Roles.Candidate) && !SoakSideBySide.Contains(s))
                .Select(s => s.Soak.Manifest.RunId));

    /// <summary>The study folder a run folder belongs to: the nearest folder above it (up to three levels) with a mac-study <c>plan.json</c>.</summary>
    public static string? StudyOf(string directory)
    {
        var d = new DirectoryInfo(directory).Parent;
        for (int i = 0; i < 3 && d is not null; i++, d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "plan.json"))) return d.FullName;
        return null;
    }

    public static bool SameStudy(SoakEvidence a, SoakEvidence b)
    {
        if (StudyOf(a.Soak.Directory) is { } study && study == StudyOf(b.Soak.Directory)) return true;
        var (ma, mb) = (a.Soak.Manifest, b.Soak.Manifest);
        var (sa, sb) = (ma.Settings, mb.Settings);
        bool close = ma.StartedUtc is { } ta && mb.StartedUtc is { } tb && (ta - tb).Duration() <= StudyWindow;
        return ma.Host.Hostname == mb.Host.Hostname && sa.Mount == sb.Mount && sa.Workers == sb.Workers &&
               sa.Loop == sb.Loop && sa.RatePerS == sb.RatePerS && NormalizeFaults(sa.Faults) == NormalizeFaults(sb.Faults) && close;
    }

    private static string NormalizeFaults(string spec) => string.Join(";",
        spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
}
