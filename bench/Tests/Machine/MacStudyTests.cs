using FsBench.Host.Providers.Machine;
using FsBench.Host.Providers.Machine.MacStudy;
using FsBench.Host.Study;

namespace FsBench.Tests.Machine;

/// <summary>mac-study's plan, driven through the real machine command construction against podman's behaviour.</summary>
public sealed class MacStudyTests : TempDirTest
{
    private MacStudyRunner Runner(SimulatedMac mac, MacStudyPlan plan, List<string>? said = null) =>
        new(mac, Tmp.Path, plan, new MacStudyPaths("/x/probe/linux-arm64/fsprobe", "/x/probe/linux-arm64/fsprobe", Tmp.Path,
            new MachineSettings { Workspace = Path.Combine(Tmp.Path, "work") }), l => said?.Add(l));

    private static MacStudyPlan Plan(int reps = 3) => MacStudyPlanner.Build(new MacStudySettings { Repetitions = reps, SoakDuration = "1m" });

    [Fact]
    public async Task The_plan_runs_one_machine_at_a_time_and_alternates_the_order_across_repetitions()
    {
        var mac = new SimulatedMac();
        var plan = Plan(3);
        Assert.Equal(0, await Runner(mac, plan).RunAsync(CancellationToken.None));

        Assert.Equal(1, mac.MaxRunning);
        var bench = mac.HostRuns.Where(h => Path.GetFileName(Path.GetDirectoryName(h.Out)) == "bench").Select(h => h.Provider).ToList();
        Assert.Equal(["applehv", "libkrun", "libkrun", "applehv", "applehv", "libkrun"], bench);
        Assert.All(mac.HostRuns, h => Assert.Equal("1", h.Env[MacStudyRunner.ManagedVar]));
        Assert.All(MacStudyPlan.Load(Tmp.Path)!.Steps, s => Assert.Equal(MacStepStatus.Done, s.Status));
        Assert.Empty(mac.Machines);   // cleanup removed the study's own machines

        var cost = File.ReadAllLines(Path.Combine(Tmp.Path, "opcost.csv"));
        Assert.Equal(RunFormatCsv.Header<OpCostRow>(), cost[0]);
        var actions = cost.Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var p in new[] { "applehv", "libkrun" })
        {
            var mine = actions.Where(r => r[2] == p).Select(r => r[4]).ToList();
            Assert.Equal(["init", "first_start", "stop", "warm_start", "stop"], mine.Take(5));
            Assert.Equal(3 + 1 + 1 + 1, mine.Count(x => x == "warm_start"));   // opcost, 3 benchmark repetitions, soak, gpu
            Assert.Equal(mine.Count(x => x.EndsWith("start")), mine.Count(x => x == "stop"));
        }
    }

    [Fact]
    public async Task A_running_machine_the_study_does_not_own_stops_it_with_one_line_naming_it()
    {
        var mac = new SimulatedMac();
        mac.Machines["podman-machine-default"] = ("applehv", true);
        var e = await Assert.ThrowsAsync<StudyException>(() => Runner(mac, Plan()).RunAsync(CancellationToken.None));
        Assert.Contains("podman-machine-default", e.Message);
        Assert.Contains("podman machine stop podman-machine-default", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain(mac.Calls, c => c.StartsWith("machine start") || c.StartsWith("machine init"));
    }

    [Fact]
    public async Task A_foreign_machine_started_mid_study_stops_it_and_the_study_resumes_where_it_stopped()
    {
        var mac = new SimulatedMac();
        var plan = Plan(2);
        mac.OnHost = args => { if (mac.HostRuns.Count == 1) mac.Machines["my-dev"] = ("libkrun", true); };
        var e = await Assert.ThrowsAsync<StudyException>(() => Runner(mac, plan).RunAsync(CancellationToken.None));
        Assert.StartsWith("podman machine my-dev (libkrun) is running and is not this study's", e.Message);
        var saved = MacStudyPlan.Load(Tmp.Path)!;
        Assert.Equal(MacStepStatus.Done, saved.Steps.Single(s => s.Id == "bench-r1-applehv").Status);
        Assert.Equal(MacStepStatus.Pending, saved.Steps.Single(s => s.Id == "bench-r1-libkrun").Status);

        mac.Machines["my-dev"] = ("libkrun", false);   // the user stops it
        mac.OnHost = null;
        int initsBefore = mac.Calls.Count(c => c.StartsWith("machine init"));
        int runsBefore = mac.HostRuns.Count;
        Assert.Equal(0, await Runner(mac, saved).RunAsync(CancellationToken.None));
        Assert.Equal(initsBefore, mac.Calls.Count(c => c.StartsWith("machine init")));   // the machines are not made again
        Assert.Equal("libkrun", mac.HostRuns[runsBefore].Provider);
        Assert.EndsWith(Path.Combine("bench", "r1-libkrun"), mac.HostRuns[runsBefore].Out);
        Assert.Equal(1, mac.MaxRunning);
    }

    [Fact]
    public async Task An_interrupted_step_runs_again_into_a_new_folder_and_the_earlier_folder_stays()
    {
        var mac = new SimulatedMac();
        var plan = Plan(2);
        using var cts = new CancellationTokenSource();
        mac.OnHost = args => { if (mac.HostRuns.Count == 3) { cts.Cancel(); cts.Token.ThrowIfCancellationRequested(); } };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(mac, plan).RunAsync(cts.Token));
        var saved = MacStudyPlan.Load(Tmp.Path)!;
        var interrupted = saved.Steps.Single(s => s.Status == MacStepStatus.Running);
        Assert.Equal("bench-r2-libkrun", interrupted.Id);
        Assert.True(Directory.Exists(interrupted.Out));

        mac.OnHost = null;
        Assert.Equal(0, await Runner(mac, saved).RunAsync(CancellationToken.None));
        Assert.EndsWith("r2-libkrun-try2", mac.HostRuns[3].Out);
        Assert.True(Directory.Exists(interrupted.Out));
        Assert.Equal(1, mac.MaxRunning);
    }

    [Fact]
    public async Task Krunkit_older_than_1_2_under_podman_6_fails_the_preflight_with_the_remedy()
    {
        var mac = new SimulatedMac("6.0.0") { KrunkitVersion = "1.1.1" };
        var checks = await mac.PreflightAsync(CancellationToken.None);
        var krunkit = checks.Single(c => c.Name == "krunkit");
        Assert.False(krunkit.Ok);
        Assert.Contains("brew upgrade krunkit", krunkit.Remedy);
        Assert.Contains("podman#29439", krunkit.Remedy);
        var e = await Assert.ThrowsAsync<StudyException>(() => Runner(mac, Plan()).RunAsync(CancellationToken.None));
        Assert.Contains("krunkit", e.Message);
        Assert.DoesNotContain(mac.Calls, c => c.StartsWith("machine init"));

        var five = await new SimulatedMac("5.8.2") { KrunkitVersion = "1.1.1" }.PreflightAsync(CancellationToken.None);
        Assert.True(five.Single(c => c.Name == "krunkit").Ok);   // Podman 5 does not pass --timesync
        Assert.True(checks.Single(c => c.Name == "macOS").Ok);   // sw_vers 26.1 (25B78)
    }

    [Fact]
    public void Containers_conf_machine_volumes_replace_the_defaults_and_decide_whether_the_workspace_is_shared()
    {
        // podman's sample containers.conf [machine] section, with its commented `volumes` example switched on.
        string conf = Fixture.Read("containers-conf-machine-section.conf").Replace("#volumes = [", "volumes = [").Replace("#  \"$HOME:$HOME\",", "  \"$HOME:$HOME\",").Replace("#]", "]");
        var volumes = MacPreflight.ConfVolumes(conf);
        Assert.Equal(["$HOME:$HOME"], volumes);
        Assert.Null(MacPreflight.ConfVolumes(Fixture.Read("containers-conf-machine-section.conf")));   // commented out: defaults
        Assert.NotNull(MacPreflight.SharingVolume(volumes!, Path.Combine(HostPlatform.Home, "fsbench-work")));
        Assert.Null(MacPreflight.SharingVolume(volumes!, "/Volumes/External/fsbench-work"));
        Assert.Equal("/Users:/Users", MacPreflight.SharingVolume(MacPreflight.DefaultVolumes, "/Users/me/fsbench-work"));
    }
}
