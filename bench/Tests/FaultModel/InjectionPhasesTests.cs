using FsBench.Host.Providers.Qemu;
using FsBench.Tests.Support;

namespace FsBench.Tests.FaultModel;

/// <summary>
/// Setting an injection log against a soak, on a constructed folder (clearly synthetic): every injection is placed by the
/// clock, the load's injections are counted against the windows' failed actions, and what happened outside the load
/// (preparation, clean-up) is reported apart instead of being missed by the soak's counts.
/// </summary>
public sealed class InjectionPhasesTests : TempDirTest
{
    private const string Provider = "qemu-virtiofs+avf-model";

    /// <summary>A soak that started at 12:00:00 UTC with three 1 s windows, ending at 1, 2 and 3 s; window 1 lost 2 actions to ENOENT, window 2 stalled.</summary>
    private string Folder(string injections, string vmm = "")
    {
        string dir = Tmp.Path;
        Directory.CreateDirectory(Path.Combine(dir, "faultmodel"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"),
            "{\"kind\": \"soak\", \"settings\": {\"provider\": \"" + Provider + "\", \"workers\": 2}, \"providers\": [{\"name\": \"" + Provider +
            "\", \"settings\": {\"fault_model\": \"avf (a FAULT MODEL)\", \"fault_model_injections\": \"faultmodel/" + Provider + ".injections.csv\"}}]}");
        File.WriteAllText(Path.Combine(dir, "events.csv"), "t_s,utc,kind,fault,detail\n0.000,2026-12-01T12:00:00.0000000Z,soak_start,,\"constructed\"\n");
        File.WriteAllText(Path.Combine(dir, "timeseries.csv"), "t_s,window,ops,failures,errnos,p50_ms,p99_ms,max_ms,stalls,lag_ms,host_ms,root,classes,faults\n" +
            "1.000,0,20,0,,1,2,3,0,0,1000,OK,,\n" +
            "2.000,1,20,2,ENOENT:2,1,2,3,0,0,1000,OK,operation_error,\n" +
            "3.000,2,20,0,,1,1600,1600,1,0,1000,OK,stall,\n");
        File.WriteAllText(Path.Combine(dir, "vmm.csv"), "t_s,utc,role,pid,open_fds,rss_kib,cpu_percent\n" + vmm);
        File.WriteAllText(Path.Combine(dir, "faultmodel", $"{Provider}.injections.csv"), InjectionLogFormat.Header + "\n" + injections);
        return dir;
    }

    /// <summary>An injection log line at <paramref name="seconds"/> after 12:00:00 UTC.</summary>
    private static string At(double seconds, string kind, int errno, string path) =>
        $"{DateTimeOffset.Parse("2026-12-01T12:00:00Z").AddSeconds(seconds).ToUnixTimeMilliseconds() * 1000},{kind},{errno},{path}\n";

    [Fact]
    public void Every_injection_is_placed_and_the_loads_are_set_against_the_windows_exactly()
    {
        string dir = Folder(
            At(-0.5, "spurious_enoent_open", 2, "/s/soak0-w0/f3") +          // the preparation, before the load
            At(1.2, "spurious_enoent_open", 2, "/s/soak0-w0/f1") +
            At(1.7, "post_freeze_open", 2, "/s/soak0-w1") +
            At(2.5, "stall", 0, "/s/soak0-w1/f9") +
            At(2.6, "fd_leak", 0, "/s/soak0-w1/f9") +
            At(4.0, "spurious_enoent_open", 2, "/s/soak0-w1/tree"),          // the clean-up, after the last window
            vmm: "0.5,2026-12-01T12:00:00.5000000Z,virtiofsd,7,100,1,0\n2.9,2026-12-01T12:00:02.9000000Z,virtiofsd,7,102,1,0\n");
        var log = InjectionLogFormat.Read(Path.Combine(dir, "faultmodel", $"{Provider}.injections.csv"));
        var phases = InjectionPhases.Of(dir, log)!;
        Assert.Equal([InjectionPhases.Before, "window 1", "window 1", "window 2", "window 2", InjectionPhases.After], log.Select(phases.PhaseOf));

        var result = Assert.Single(InjectionReconciliation.ForFolder(dir));
        var enoent = Assert.Single(result.Checks, c => c.Name == "operation_error ENOENT");
        Assert.Equal((2L, 2L, true), (enoent.Injected, enoent.Detected, enoent.Agrees));
        var stall = Assert.Single(result.Checks, c => c.Name == "stall");
        Assert.Equal((1L, 1L, true), (stall.Injected, stall.Detected, stall.Agrees));
        var outside = Assert.Single(result.Checks, c => c.Name == "outside the load");
        Assert.Equal(2, outside.Injected);
        Assert.Contains("preparation", outside.Note);
        Assert.Contains("clean-up", outside.Note);
        var leak = Assert.Single(result.Checks, c => c.Name == "fd_leak");
        Assert.Equal((1L, 2L, true), (leak.Injected, leak.Detected, leak.Agrees));   // within the slack of handles open at a sample
    }

    /// <summary>
    /// chmod_share_root fails on the share's root, outside every reproducer directory: each injection there is one run of
    /// that reproducer (one root chmod per run), never a failed action of the load, even when it falls in a window.
    /// </summary>
    [Fact]
    public void A_chmod_of_the_share_root_is_a_reproducer_run_not_a_failed_action_of_the_load()
    {
        string dir = Folder(
            At(1.2, "spurious_enoent_open", 2, "/s/soak0-w0/f1") + At(1.3, "spurious_enoent_open", 2, "/s/soak0-w0/f2") +
            At(1.4, "chmod_share_root", 1, "/") + At(1.41, "create_excl", 13, "/s/kb-create_excl_0444-0/x") +
            At(1.45, "chmod_share_root", 1, "/") + At(1.46, "create_excl", 13, "/s/kb-create_excl_0444-1/x"));
        File.WriteAllText(Path.Combine(dir, "knownbugs.csv"), "provider,mount,condition,probe,runs,deviations,outcomes\n" +
            $"{Provider},bind,soak,chmod_share_root,2,2,chmod root: EPERM: 2\n{Provider},bind,soak,create_excl_0444,2,2,EACCES: 2\n");
        var log = InjectionLogFormat.Read(Path.Combine(dir, "faultmodel", $"{Provider}.injections.csv"));
        var phases = InjectionPhases.Of(dir, log)!;
        Assert.Equal(InjectionPhases.Reproducer, phases.PhaseOf(log.Single(i => i.Time == log.Where(j => j.Kind == "chmod_share_root").Min(j => j.Time))));

        var result = Assert.Single(InjectionReconciliation.ForFolder(dir));
        var deviations = Assert.Single(result.Checks, c => c.Name == "semantic_deviation");
        Assert.Equal((4L, 4L, true), (deviations.Injected, deviations.Detected, deviations.Agrees));
        Assert.DoesNotContain(result.Checks, c => c.Name == "operation_error EPERM");
        var enoent = Assert.Single(result.Checks, c => c.Name == "operation_error ENOENT");
        Assert.Equal((2L, 2L, true), (enoent.Injected, enoent.Detected, enoent.Agrees));
    }

    [Fact]
    public void A_failure_the_soak_missed_or_a_leak_that_does_not_show_is_a_disagreement()
    {
        string dir = Folder(
            At(1.2, "spurious_enoent_open", 2, "/s/soak0-w0/f1") +
            string.Concat(Enumerable.Range(0, 3).Select(k => At(0.1 + k * 0.2, "spurious_enoent_open", 2, "/s/soak0-w0/f2"))) +
            string.Concat(Enumerable.Range(0, 20).Select(k => At(0.1 + k * 0.1, "fd_leak", 0, "/s/soak0-w0/f2"))),
            vmm: "0.05,2026-12-01T12:00:00.0500000Z,virtiofsd,7,100,1,0\n2.9,2026-12-01T12:00:02.9000000Z,virtiofsd,7,101,1,0\n");
        var result = Assert.Single(InjectionReconciliation.ForFolder(dir));
        var enoent = Assert.Single(result.Checks, c => c.Name == "operation_error ENOENT");
        Assert.Equal((4L, 2L, false), (enoent.Injected, enoent.Detected, enoent.Agrees));
        var leak = Assert.Single(result.Checks, c => c.Name == "fd_leak");
        Assert.Equal((20L, 1L, false), (leak.Injected, leak.Detected, leak.Agrees));
        Assert.False(result.Agrees);
    }

    /// <summary>
    /// A reproducer's directory is renamed before its removal: a post-freeze ENOENT in that removal, inside a load window,
    /// is the reproducer's clean-up, neither a deviation of its run nor a failed action of the load (the rehearsal of
    /// 2026-12-02 05:10 counted 13 such in rm_rf_5000's removal as a run hit: 41 injected against 40 detected).
    /// </summary>
    [Fact]
    public void An_injection_in_a_reproducer_s_removal_is_its_clean_up_not_its_outcome_nor_the_load()
    {
        string dir = Folder(
            At(1.2, "spurious_enoent_open", 2, "/s/soak0-w0/f1") + At(1.3, "spurious_enoent_open", 2, "/s/soak0-w0/f2") +
            At(1.5, "post_freeze_open", 2, $"/s/{FsBench.Protocol.KnownBugDirs.Removal}rm_rf_5000-15.0/d7"));
        File.WriteAllText(Path.Combine(dir, "knownbugs.csv"), "provider,mount,condition,probe,runs,deviations,outcomes\n" +
            $"{Provider},bind,soak,rm_rf_5000,1,0,\n");
        var log = InjectionLogFormat.Read(Path.Combine(dir, "faultmodel", $"{Provider}.injections.csv"));
        var phases = InjectionPhases.Of(dir, log)!;
        var removal = log.Single(i => i.Kind == "post_freeze_open");
        Assert.Equal(InjectionPhases.ReproducerCleanup, phases.PhaseOf(removal));
        Assert.False(phases.InLoad(removal));

        var result = Assert.Single(InjectionReconciliation.ForFolder(dir));
        var deviations = Assert.Single(result.Checks, c => c.Name == "semantic_deviation");
        Assert.Equal((0L, 0L, true), (deviations.Injected, deviations.Detected, deviations.Agrees));
        var enoent = Assert.Single(result.Checks, c => c.Name == "operation_error ENOENT");
        Assert.Equal((2L, 2L, true), (enoent.Injected, enoent.Detected, enoent.Agrees));
        Assert.Contains("clean-up (after its check)", Assert.Single(result.Checks, c => c.Name == "outside the load").Note);
    }
}
