namespace FsBench.Probe.KnownBugs;

/// <summary>
/// One reported virtio-fs defect, reproduced and checked against the POSIX-expected outcome. Check runs
/// once in a fresh directory of its own and returns null when the filesystem behaved as POSIX says, or a
/// short description of what it did instead ("EACCES, created anyway"). It cleans up after itself.
/// </summary>
public interface IKnownBugProbe
{
    string Name { get; }
    /// <summary>What POSIX expects, in one line, and where the defect was reported.</summary>
    string Expected { get; }
    string? Check(string dir);

    /// <summary>How many of the requested runs this probe does (a costly probe runs fewer).</summary>
    int RunsFor(int requested) => requested;
}

/// <summary>Every known-bug probe, by name.</summary>
public static class KnownBugCatalog
{
    public static readonly IReadOnlyList<IKnownBugProbe> All =
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

    public static IKnownBugProbe? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
