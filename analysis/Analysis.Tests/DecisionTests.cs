using System.Text.Json;
using Analysis.Decision;
using Analysis.RunFolder;
using Analysis.Tests.Synthetic;

namespace Analysis.Tests;

/// <summary>Each mitigation's four verdicts, on constructed soak folders of an incumbent and a candidate from one study.</summary>
public class DecisionTests
{
    private const string Inc = "qemu-9p", Cand = "qemu-virtiofs";
    private static readonly HashSet<int> None = [];

    private static MitigationAssessment Assess(string mitigation, params ConstructedSoak[] soaks)
    {
        var evidence = soaks.Select(s => SoakEvidence.Of(SoakRun.Open(s.Write().Directory), 61_440)).ToList();
        try
        {
            var e = new DecisionEvidence(new Roles(Inc, Cand, RoleSource.Named), [], evidence);
            return Mitigations.Assess(Mitigations.All.Single(m => m.Name == mitigation), e);
        }
        finally
        {
            foreach (var s in soaks) s.Dispose();
        }
    }

    private static HashSet<int> Every(int step, int count, int from = 5) => Enumerable.Range(0, count).Select(i => from + i * step).ToHashSet();

    // ---- vfkit watchdog: mount failures and hangs, stalls, descriptor growth ----

    [Fact]
    public void Watchdog_is_removable_when_the_incumbent_stalls_often_and_the_candidate_never_does()
    {
        var a = Assess("vfkit watchdog", new ConstructedSoak { Provider = Inc, StallAt = Every(9, 60) }, new ConstructedSoak { Provider = Cand });
        Assert.Equal(MitigationVerdict.Removable, a.Verdict);
        Assert.True(a.Summary.Contains("stalls beyond the threshold: qemu-9p 60 in 10.0 h"), a.Summary);
        Assert.Contains("qemu-virtiofs 0 in 10.0 h (95% upper bound 0.300/h)", a.Summary);
    }

    [Fact]
    public void Watchdog_is_kept_as_defense_in_depth_when_the_clean_candidate_ran_too_short()
    {
        var a = Assess("vfkit watchdog", new ConstructedSoak { Provider = Inc, StallAt = Every(97, 5) }, new ConstructedSoak { Provider = Cand });
        Assert.Equal(MitigationVerdict.KeepAsDefenseInDepth, a.Verdict);
        Assert.Contains("needs", a.Summary);
    }

    [Fact]
    public void Watchdog_is_still_needed_when_the_candidate_loses_its_channel()
    {
        var a = Assess("vfkit watchdog", new ConstructedSoak { Provider = Inc, StallAt = Every(9, 60) },
            new ConstructedSoak { Provider = Cand, ChannelLostAt = new HashSet<int> { 100, 300 } });
        Assert.Equal(MitigationVerdict.StillNeeded, a.Verdict);
        Assert.Contains("mount failures and hangs", a.Summary);
        Assert.Contains("hangs: qemu-9p 0, qemu-virtiofs 2", a.Summary);
    }

    [Fact]
    public void Watchdog_lacks_evidence_when_neither_fails_or_the_soaks_are_not_one_study()
    {
        Assert.Equal(MitigationVerdict.NotEnoughEvidence,
            Assess("vfkit watchdog", new ConstructedSoak { Provider = Inc }, new ConstructedSoak { Provider = Cand }).Verdict);
        var other = Assess("vfkit watchdog", new ConstructedSoak { Provider = Inc, StallAt = Every(9, 60) }, new ConstructedSoak { Provider = Cand, Host = "another-host" });
        Assert.Equal(MitigationVerdict.NotEnoughEvidence, other.Verdict);
        Assert.Contains("no side-by-side evidence", other.Summary);
    }

    [Fact]
    public void Watchdog_reads_descriptor_growth_as_a_rate_and_hours_to_the_host_limit()
    {
        var removable = Assess("vfkit watchdog", new ConstructedSoak { Provider = Inc, FdsPerSample = 100 }, new ConstructedSoak { Provider = Cand });
        Assert.Equal(MitigationVerdict.Removable, removable.Verdict);
        Assert.Matches(@"host descriptor growth: qemu-9p \d+ → \d+ fds \(vmm\), \+6000/h, limit 61,440 in \d+(\.\d+)? h", removable.Summary);
        var leaks = Assess("vfkit watchdog", new ConstructedSoak { Provider = Inc, FdsPerSample = 100 }, new ConstructedSoak { Provider = Cand, FdsPerSample = 50 });
        Assert.Equal(MitigationVerdict.StillNeeded, leaks.Verdict);
        Assert.Contains("qemu-virtiofs leaks", leaks.Summary);
    }

    // ---- sleep prevention: per cycle after each freeze (a proxy) ----

    private static (int, bool)[] Freezes(int count, bool fail) => Enumerable.Range(0, count).Select(i => (10 + i * 12, fail)).ToArray();

    [Fact]
    public void Sleep_prevention_is_removable_from_freeze_cycles_and_says_they_are_a_proxy()
    {
        var a = Assess("sleep prevention", new ConstructedSoak { Provider = Inc, Freezes = Freezes(20, fail: true) },
            new ConstructedSoak { Provider = Cand, Freezes = Freezes(40, fail: false) });
        Assert.Equal(MitigationVerdict.Removable, a.Verdict);
        Assert.Contains("a proxy for a sleep", a.Summary);
        Assert.Contains("qemu-9p 20 in 20 cycles", a.Summary);
        Assert.Contains("qemu-virtiofs 0 in 40 cycles (95% upper bound 7.2%)", a.Summary);
        Assert.Contains("recovered in 1.0 s (median)", a.Summary);
    }

    [Fact]
    public void Sleep_prevention_is_kept_when_the_candidate_had_too_few_clean_cycles()
    {
        var a = Assess("sleep prevention", new ConstructedSoak { Provider = Inc, Freezes = Freezes(20, fail: true) },
            new ConstructedSoak { Provider = Cand, Freezes = Freezes(10, fail: false) });
        Assert.Equal(MitigationVerdict.KeepAsDefenseInDepth, a.Verdict);
    }

    [Fact]
    public void Sleep_prevention_is_still_needed_when_a_candidate_cycle_fails()
    {
        var freezes = Freezes(40, fail: false);
        freezes[7] = (freezes[7].Item1, true);
        var a = Assess("sleep prevention", new ConstructedSoak { Provider = Inc, Freezes = Freezes(20, fail: true) },
            new ConstructedSoak { Provider = Cand, Freezes = freezes });
        Assert.Equal(MitigationVerdict.StillNeeded, a.Verdict);
        Assert.Contains("qemu-virtiofs 1 in 40 cycles", a.Summary);
    }

    [Fact]
    public void Sleep_prevention_lacks_evidence_without_incumbent_failures_or_cycles()
    {
        Assert.Equal(MitigationVerdict.NotEnoughEvidence, Assess("sleep prevention",
            new ConstructedSoak { Provider = Inc, Freezes = Freezes(20, fail: false) }, new ConstructedSoak { Provider = Cand, Freezes = Freezes(20, fail: false) }).Verdict);
        Assert.Equal(MitigationVerdict.NotEnoughEvidence, Assess("sleep prevention",
            new ConstructedSoak { Provider = Inc }, new ConstructedSoak { Provider = Cand }).Verdict);
    }

    [Fact]
    public void A_freeze_from_the_fault_command_counts_as_a_cycle_of_the_soak_it_was_injected_into()
    {
        using var soak = new ConstructedSoak { Provider = Cand, FailedActionsAt = new HashSet<int> { 10 } }.Write();
        string dir = Path.Combine(Path.GetTempPath(), "analysis-tests", "fault-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "manifest.json"),
                """{"run_id": "20260101-001000-synthetic-host-fault-qemu-virtiofs", "kind": "fault", "status": "complete", "provider": "qemu-virtiofs", "fault": {"kind": "freeze", "for_s": 30}}""");
            File.WriteAllText(Path.Combine(dir, "events.csv"), "t_s,utc,kind,fault,detail\n" +
                "0.000,2026-01-01T00:10:00.0000000Z,fault_start,freeze#1,\"for 30s\"\n0.400,2026-01-01T00:10:00.4000000Z,fault_end,freeze#1,\"lifted\"\n");
            Assert.True(FaultFolder.IsFault(dir));
            Assert.False(FaultFolder.IsFault(soak.Directory));
            var fault = FaultFolder.Open(dir);
            var evidence = SoakEvidence.Of(SoakRun.Open(soak.Directory), 61_440, [fault]);
            var cycle = Assert.Single(evidence.Cycles);
            Assert.True(cycle.IsProxy);
            Assert.True(cycle.Failed, cycle.Detail);
            Assert.Contains("3 failed actions in the 60 s after it", cycle.Detail);
            Assert.Empty(SoakEvidence.Of(SoakRun.Open(soak.Directory), 61_440, [fault with { Provider = Inc }]).Cycles);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_lost_channel_inside_a_recorded_freeze_window_is_the_freezes_not_a_hang_of_the_provider()
    {
        using var soak = new ConstructedSoak { Provider = Cand, ChannelLostAt = new HashSet<int> { 10, 300 } }.Write();
        Assert.Equal(2, SoakEvidence.Of(SoakRun.Open(soak.Directory), 61_440).Hangs);
        // the mac-study's ledger: the machine was frozen from 658 s to 662 s of the soak (window 10 ends at 660 s)
        File.WriteAllText(Path.Combine(soak.Directory, "freeze-windows.csv"),
            "machine,start_utc,end_utc\nfsbench-libkrun,2026-01-01T00:10:58.0000000Z,2026-01-01T00:11:02.0000000Z\n");
        var evidence = SoakEvidence.Of(SoakRun.Open(soak.Directory), 61_440);
        Assert.Equal(1, evidence.Hangs);                     // window 300's lost channel stays the provider's
        var cycle = Assert.Single(evidence.Cycles);          // the freeze is a sleep cycle (a proxy); nothing failed after its thaw
        Assert.False(cycle.Failed, cycle.Detail);
        Assert.True(cycle.IsProxy);
        Assert.StartsWith("freeze@fsbench-libkrun", cycle.Fault);
    }

    // ---- overlay placement and status-file mirroring: failures on their mount ----

    [Theory]
    [InlineData("overlay-volume placement", "overlay")]
    [InlineData("named-volume mirroring of status files", "bind")]
    public void Mount_mitigations_follow_the_failures_on_their_mount(string mitigation, string mount)
    {
        ConstructedSoak Incumbent() => new() { Provider = Inc, Mount = mount, FailedActionsAt = Every(11, 50), Errno = "EOPNOTSUPP" };
        Assert.Equal(MitigationVerdict.Removable, Assess(mitigation, Incumbent(), new ConstructedSoak { Provider = Cand, Mount = mount }).Verdict);
        Assert.Equal(MitigationVerdict.KeepAsDefenseInDepth,
            Assess(mitigation, Incumbent(), new ConstructedSoak { Provider = Cand, Mount = mount, Windows = 60, Step = 600 }).Verdict);
        var needed = Assess(mitigation, Incumbent(), new ConstructedSoak { Provider = Cand, Mount = mount, FailedActionsAt = new HashSet<int> { 42 } });
        Assert.Equal(MitigationVerdict.StillNeeded, needed.Verdict);
        Assert.Contains("qemu-virtiofs 3 in 60,000 ops", needed.Summary);
        string other = mount == "bind" ? "overlay" : "bind";
        Assert.Equal(MitigationVerdict.NotEnoughEvidence,
            Assess(mitigation, new ConstructedSoak { Provider = Inc, Mount = other, FailedActionsAt = Every(11, 50) }, new ConstructedSoak { Provider = Cand, Mount = other }).Verdict);
    }

    [Fact]
    public void Failures_inside_an_injected_fault_and_its_recovery_do_not_count_against_the_mount()
    {
        var a = Assess("named-volume mirroring of status files",
            new ConstructedSoak { Provider = Inc, FailedActionsAt = Every(11, 50) },
            new ConstructedSoak { Provider = Cand, Freezes = Freezes(20, fail: true) });
        Assert.Equal(MitigationVerdict.Removable, a.Verdict);
    }

    [Fact]
    public void The_one_provider_run_folders_of_a_mac_study_count_side_by_side_and_the_memo_goes_into_the_study_folder()
    {
        string study = Path.Combine(Path.GetTempPath(), "analysis-tests", "study-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(study);
        File.WriteAllText(Path.Combine(study, "plan.json"), "{\"format_version\": 1, \"steps\": []}");
        try
        {
            using var a = new SyntheticRun(Path.Combine(study, "bench", "r1-applehv"))
                { Providers = [new("applehv", "hvf", 80_000, 0.01, "EACCES")], Mounts = ["bind"], Ops = ["create", "stat"], Workers = [4], OpsPerCase = 3000 }.Write();
            using var k = new SyntheticRun(Path.Combine(study, "bench", "r1-libkrun"))
                { Providers = [new("libkrun", "hvf", 60_000)], Mounts = ["bind"], Ops = ["create", "stat"], Workers = [4], OpsPerCase = 3000 }.Write();
            CliRunner.Succeeds("report", a.Directory, k.Directory);
            string memo = File.ReadAllText(Path.Combine(study, "memo.md"));
            Assert.Contains("— side by side", memo);
            Assert.Matches(@"\| mitigation: named-volume mirroring of status files \| removable \|", memo);
            Assert.Matches(@"\| performance trade-off \(metadata\) \| libkrun faster \|[^\n]*over 2 cases", memo);
            Assert.Contains("](bench/r1-applehv/appendix.md)", memo);
            Assert.False(File.Exists(a.PathOf("memo.md")));
        }
        finally { Directory.Delete(study, true); }
    }

    // ---- roles and the plan ----

    [Fact]
    public void Roles_come_from_the_flags_the_mac_pair_or_a_rehearsal()
    {
        Assert.Equal(Roles.Mac, Roles.Resolve(null, null, ["local", "applehv", "libkrun"]));
        var rehearsal = Roles.Resolve(null, null, ["local", "qemu-virtiofs+avf-model", "qemu-virtiofs+none-model"]);
        Assert.Equal(("qemu-virtiofs+avf-model", "qemu-virtiofs+none-model", RoleSource.Rehearsal), (rehearsal.Incumbent, rehearsal.Candidate, rehearsal.Source));
        Assert.Contains("Rehearsal, not a measurement of applehv or libkrun", rehearsal.Sentence);
        Assert.Equal("qemu-virtiofs", Roles.Resolve(null, null, ["qemu-virtiofs+avf-model", "qemu-virtiofs"]).Candidate);
        Assert.Equal(RoleSource.Named, Roles.Resolve("qemu-9p", "qemu-virtiofs", ["qemu-9p", "qemu-virtiofs"]).Source);
        Assert.Equal("--incumbent: 'qemu-9q' is in none of the folders (they have: qemu-9p, qemu-virtiofs)",
            Assert.Throws<BadInputException>(() => Roles.Resolve("qemu-9q", "qemu-virtiofs", ["qemu-9p", "qemu-virtiofs"])).Message);
        Assert.Throws<BadInputException>(() => Roles.Resolve("qemu-9p", null, ["qemu-9p"]));
    }

    [Fact]
    public void The_plan_sizes_an_unsettled_verdict_from_the_observed_rate_and_names_the_command()
    {
        using var inc = new ConstructedSoak { Provider = Inc, StallAt = Every(97, 5) };
        using var cand = new ConstructedSoak { Provider = Cand };
        var evidence = new[] { inc.Write(), cand.Write() }.Select(s => SoakEvidence.Of(SoakRun.Open(s.Directory), 61_440)).ToList();
        var e = new DecisionEvidence(new Roles(Inc, Cand, RoleSource.Named), [], evidence);
        var assessments = Mitigations.All.Select(m => Mitigations.Assess(m, e)).ToList();
        var plan = EvidencePlan.Of(e, assessments, "results/x/evidence-plan.json");
        var stalls = plan.Items.Single(i => i.Class == "stalls beyond the threshold");
        Assert.Equal("observed", stalls.RateSource);
        // 5 stalls in 10 h: Poisson lower bound 0.162/h; a tenth of it needs -ln(0.05)/0.0162 ≈ 185 h
        Assert.InRange(stalls.NeededPerProvider, 180, 190);
        Assert.StartsWith("./run-bench.sh soak --provider qemu-9p --duration", stalls.Command);
        Assert.Contains("./run-bench.sh soak --provider qemu-virtiofs", stalls.Command);

        string dir = Path.Combine(Path.GetTempPath(), "analysis-tests", "plan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(plan.Write(dir)));
            Assert.Equal(1, json.RootElement.GetProperty("format_version").GetInt32());
            Assert.Equal("qemu-9p", json.RootElement.GetProperty("roles").GetProperty("incumbent").GetString());
            Assert.True(json.RootElement.GetProperty("sizes_per_provider").GetProperty("soak_hours").GetDouble() >= 180);
        }
        finally { Directory.Delete(dir, true); }

        var mac = EvidencePlan.Of(new DecisionEvidence(Roles.Mac, [], []), Mitigations.All.Select(m => Mitigations.Assess(m, new DecisionEvidence(Roles.Mac, [], []))).ToList(), "p.json");
        Assert.All(mac.Items, i => Assert.StartsWith("./run-bench.sh mac-study --", i.Command));
        // 0 in n sleep cycles needs n ≥ 299 for a bound below a tenth of the assumed 10%: 299 freezes 300 s apart
        Assert.Contains(mac.Items, i => i.Unit == ExposureUnit.Cycles && i.Command == "./run-bench.sh mac-study --soak-duration 1496m --soak-faults 'freeze:every=300s,for=20s'");
        Assert.Equal(1798, mac.MacStudy.SoakMinutes); // the longest need: 30 h of soak at an assumed 1 event/h
        Assert.Contains(mac.Items, i => i.Unit == ExposureUnit.Cycles && i.RateSource.StartsWith("assumed"));
    }

    [Fact]
    public void Poisson_and_binomial_bounds_match_their_closed_forms()
    {
        Assert.Equal(0.0722, new EventCount(0, 40, ExposureUnit.Cycles).Rate.Upper, 4);
        Assert.Equal(2.9957, PoissonRate.Of(0, 1).Upper, 3);
        var five = PoissonRate.Of(5, 1); // Garwood: [1.6235, 11.6683]
        Assert.InRange(five.Lower, 1.6230, 1.6240);
        Assert.InRange(five.Upper, 11.668, 11.669);
    }
}
