namespace FsBench.Probe.KnownBugs;

/// <summary>
/// One reported virtio-fs defect, reproduced and checked against the POSIX-expected outcome. Check runs once in a
/// fresh directory of its own and returns null when the filesystem behaved as POSIX says, or a short description of
/// what it did instead ("EACCES, created anyway"). The runner removes that directory and all in it afterwards, so a
/// check cleans up only what lies outside it (a mode it changed, a descriptor it opened).
/// </summary>
/// <param name="name">The probe's name in requests and results.</param>
/// <param name="expected">What POSIX expects, in one line, and where the defect was reported.</param>
public abstract class KnownBugProbe(string name, string expected)
{
    public string Name { get; } = name;
    public string Expected { get; } = expected;
    public abstract string? Check(string dir);

    /// <summary>How many of the requested runs this probe does (a costly probe runs fewer).</summary>
    public virtual int RunsFor(int requested) => requested;
}

/// <summary>Every known-bug probe, by name.</summary>
public static class KnownBugCatalog
{
    public static readonly IReadOnlyList<KnownBugProbe> All =
    [
        new MkdirModeZero(),
        new CreateExclusive(0x000), new CreateExclusive(0x080 /*0200*/), new CreateExclusive(0x124 /*0444*/),
        new HardLinkCoherence(),
        new HardLinkToFreshSymlink(),
        new SetXattrReadOnly(),
        new RenameOver(),
        new ReaddirAfterCreate(),
        new OpenMultiLink(), new GitObjectWrite(), new ChmodShareRoot(), new RmRfLargeDir(), new RenameOverSurvivor(), new RewriteInPlace(),
    ];

    public static KnownBugProbe? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
