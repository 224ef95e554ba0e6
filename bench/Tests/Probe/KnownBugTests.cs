using FsBench.Probe.KnownBugs;
using FsBench.Probe.Session;
using FsBench.Protocol;

namespace FsBench.Tests.Probe;

/// <summary>The known-bug probes on a real Linux filesystem, where POSIX behaviour is expected.</summary>
public sealed class KnownBugTests : TempDirTest
{
    /// <summary>These expectations are those of root inside a guest or container, as the study runs them.</summary>
    private static readonly string[] RootOnly = ["mkdir_mode0", "setxattr_readonly"];

    public static TheoryData<string> AnyUserProbes() => new(KnownBugCatalog.All.Select(p => p.Name).Except(RootOnly));
    public static TheoryData<string> RootProbes() => new(RootOnly);

    [Theory]
    [MemberData(nameof(AnyUserProbes))]
    public void Every_known_bug_probe_passes_on_a_local_filesystem_and_cleans_up(string name) => PassesAndCleansUp(name);

    [RequiresTheory("root")]
    [MemberData(nameof(RootProbes))]
    public void The_root_only_probes_pass_on_a_local_filesystem_as_root(string name) => PassesAndCleansUp(name);

    private void PassesAndCleansUp(string name)
    {
        var scratch = new ScratchRoot(Tmp.Path);
        var result = Assert.Single(new KnownBugRunner(scratch).Run(new ProbeRequest { Cmd = "knownbugs", Count = 1, Names = [name] }).Results);
        Assert.Empty(result.Outcomes);
        // the runner removed the check's directory and all it left: only the empty session directory remains
        string session = Assert.Single(Directory.EnumerateFileSystemEntries(Tmp.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(session));
    }

    [Fact]
    public void A_deviation_is_reported_with_what_happened_instead()
    {
        // a read-only directory makes creating fail: the probe says so instead of throwing
        string ro = Path.Combine(Tmp.Path, "ro");
        Directory.CreateDirectory(ro);
        File.WriteAllText(Path.Combine(ro, "x"), "already here");
        var deviation = new CreateExclusive(0x1a4).Check(ro);
        Assert.Equal("EEXIST, created anyway", deviation);
    }

    [Fact]
    public void The_runner_counts_runs_and_deviations_per_probe()
    {
        var scratch = new ScratchRoot(Tmp.Path);
        var reply = new KnownBugRunner(scratch).Run(new ProbeRequest { Cmd = "knownbugs", Count = 3, Names = ["rename_over", "hardlink_coherence"] });
        Assert.Equal(["rename_over", "hardlink_coherence"], reply.Results.Select(r => r.Name));
        Assert.All(reply.Results, r => { Assert.Equal(3, r.Runs); Assert.Equal(0, r.Deviations); Assert.Empty(r.Outcomes); });
        scratch.RemoveCreated();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Tmp.Path));
    }

    /// <summary>A reproducer whose own set-up fails (a fault model's spurious ENOENT did) is that run's outcome, and the pass goes on.</summary>
    [Fact]
    public void A_run_whose_set_up_fails_is_an_unexpected_outcome_and_the_pass_goes_on()
    {
        var scratch = new ScratchRoot(Tmp.Path);
        string session = scratch.SessionDir(".");
        File.WriteAllText(Path.Combine(session, KnownBugRunner.DirName("rename_over", 0, 1)), "a file where run 1's directory goes");
        var reply = new KnownBugRunner(scratch).Run(new ProbeRequest { Cmd = "knownbugs", Count = 3, Names = ["rename_over", "hardlink_coherence"] });
        var rename = reply.Results[0];
        Assert.Equal((3, 1L), (rename.Runs, rename.Deviations));
        Assert.Equal("unexpected IOException", Assert.Single(rename.Outcomes.Keys));
        Assert.Equal((3, 0L), (reply.Results[1].Runs, reply.Results[1].Deviations));
    }

    [Fact]
    public void An_unknown_probe_name_is_refused()
    {
        Assert.Throws<ProbeException>(() => new KnownBugRunner(new ScratchRoot(Tmp.Path)).Run(new ProbeRequest { Cmd = "knownbugs", Names = ["nope"] }));
    }
}
