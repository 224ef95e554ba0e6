using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Tests.Soak;

/// <summary>Whole soaks through the host's command line, as ./run-bench.sh soak starts them.</summary>
public sealed class SoakRunTests : TempDirTest
{
    /// <summary>The framework-dependent probe built next to the tests (its apphost).</summary>
    private static string LocalProbe => Path.Combine(AppContext.BaseDirectory, "fsprobe");

    private async Task<BufferedCommandResult> Soak(string outDir, string probe, params string[] args) =>
        await Cli.Wrap("dotnet")
            .WithArguments([Requirements.BuiltHostDll, "soak", "--out", outDir, "--probe", probe, "--scratch", Path.Combine(Tmp.Path, "scratch"), .. args])
            .WithWorkingDirectory(Requirements.RepoRoot)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    /// <summary>
    /// A minute of qemu-virtiofs at 20 ops/s on two workers, with the given faults: its folder and the soak's result. At 50 ops/s a
    /// TCG guest on a loaded 2-core machine (load average 30-60 measured) stays behind its schedule, so no window after a fault is clean.
    /// </summary>
    private async Task<(string Dir, BufferedCommandResult Result)> QemuMinute(string name, string faults, params string[] args)
    {
        string dir = Path.Combine(Tmp.Path, name);
        return (dir, await Soak(dir, Requirements.AotProbe, ["--provider", "qemu-virtiofs", "--duration", "60s", "--rate", "20/s", "--workers", "2", "--faults", faults, .. args]));
    }

    private static long Count(JsonNode classes, string failureClass) => (long)classes["classes"]![failureClass]!["count"]!;

    private static string Tail(BufferedCommandResult r) => r.StandardOutput[^Math.Min(4000, r.StandardOutput.Length)..] + r.StandardError;

    [Fact]
    public async Task A_ten_second_local_soak_writes_every_file_and_reports_faults_as_not_applied()
    {
        string dir = Path.Combine(Tmp.Path, "soak");
        var r = await Soak(dir, LocalProbe, "--provider", "local", "--duration", "10s", "--rate", "200/s", "--workers", "2",
            "--faults", "pause:every=3s,for=1s;kill:at=8s", "--knownbugs-every", "2s", "--knownbugs-runs", "1");   // a pass under load starts at 2 s: 15 reproducers finish well before the end on a loaded machine
        Assert.True(r.ExitCode == 0, Tail(r));
        Assert.Contains("soak ", r.StandardOutput);                    // progress lines
        Assert.Contains("failed 0", r.StandardOutput);                 // the live failure count

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal("complete", (string?)manifest["status"]);
        Assert.Equal("soak", (string?)manifest["kind"]);
        Assert.Equal("open", (string?)manifest["settings"]!["loop"]);
        Assert.NotNull(manifest["host"]!["kernel"]);
        Assert.Equal(2, manifest["faults_not_applied"]!.AsArray().Count);

        var rows = File.ReadAllLines(Path.Combine(dir, "timeseries.csv"));
        Assert.Equal(FsBench.RunFormat.RunFormatCsv.Header<FsBench.RunFormat.TimeSeriesRow>(), rows[0]);
        Assert.InRange(rows.Length - 1, 8, 11);
        Assert.All(rows.Skip(1), row => Assert.Equal("200", row.Split(',')[2]));   // open loop: 200 ops due per 1 s window

        var events = File.ReadAllText(Path.Combine(dir, "events.csv"));
        Assert.Contains(",fault_not_applied,pause,", events);
        Assert.Contains(",fault_not_applied,kill,", events);
        Assert.Contains(",soak_end,", events);

        var classes = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "classes.json")))!;
        foreach (string c in new[] { "mount_failure", "semantic_deviation", "operation_error" })
        {
            Assert.Equal(0, (long)classes["classes"]![c]!["count"]!);
            double bound = 3 / ((double)classes["exposure_seconds"]! / 3600);   // 3 / exposure (about 10 s, more on a loaded machine)
            Assert.InRange((double)classes["classes"]![c]!["upper95_per_hour"]!, bound * 0.98, bound * 1.02);
        }
        // A stall is an op slower than 1 s: on a loaded 2-core machine a local op can be, now and then.
        Assert.InRange((long)classes["classes"]!["stall"]!["count"]!, 0, 20);
        Assert.Empty(classes["recoveries"]!.AsArray());

        Assert.True(File.ReadAllLines(Path.Combine(dir, "vmm.csv")).Skip(1).Any(l => l.Split(',')[2] == "probe"));
        var bugs = File.ReadAllLines(Path.Combine(dir, "knownbugs.csv"));
        Assert.Contains(bugs, l => l.StartsWith("local,bind,idle,"));
        Assert.Contains(bugs, l => l.StartsWith("local,bind,soak,"));
        Assert.Contains("\"weights\"", File.ReadAllText(Path.Combine(dir, "mix.json")));
    }

    /// <summary>A pass under load that has not reported when the load ends is collected after it, not lost with the session.</summary>
    [Fact]
    public async Task A_known_bug_pass_still_running_when_the_load_ends_is_collected_after_it()
    {
        string dir = Path.Combine(Tmp.Path, "soak-late-pass");
        var r = await Soak(dir, LocalProbe, "--provider", "local", "--duration", "3s", "--rate", "50/s", "--workers", "2",
            "--knownbugs-every", "2s", "--knownbugs-runs", "3");   // starts at 2 s; 15 reproducers x 3 runs (one rm -rf of 5,000 entries each) outlast the last second
        Assert.True(r.ExitCode == 0, Tail(r));
        var idle = File.ReadAllLines(Path.Combine(dir, "knownbugs.csv")).Where(l => l.StartsWith("local,bind,idle,")).ToList();
        var soak = File.ReadAllLines(Path.Combine(dir, "knownbugs.csv")).Where(l => l.StartsWith("local,bind,soak,")).ToList();
        Assert.NotEmpty(idle);
        // Every reproducer of the pass under load is in the folder, with as many runs as in the idle pass.
        static Dictionary<string, string> RunsByProbe(IEnumerable<string> rows) => rows.Select(l => l.Split(',')).ToDictionary(f => f[3], f => f[4]);
        Assert.Equal(RunsByProbe(idle), RunsByProbe(soak));
    }

    [Fact]
    public async Task Bad_fault_specs_and_flags_are_one_line_and_exit_2()
    {
        var r = await Soak(Path.Combine(Tmp.Path, "bad"), LocalProbe, "--provider", "local", "--faults", "pause:at=5s");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("pause needs for=DURATION", r.StandardError);
        Assert.Single(r.StandardError.Trim().Split('\n'));
        var both = await Soak(Path.Combine(Tmp.Path, "bad2"), LocalProbe, "--provider", "local", "--rate", "10", "--closed-loop");
        Assert.Equal(2, both.ExitCode);
        var unknown = await Soak(Path.Combine(Tmp.Path, "bad3"), LocalProbe, "--provider", "nosuch");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown provider 'nosuch'", unknown.StandardError);
    }

    [RequiresFact("qemu")]
    public async Task A_minute_on_qemu_virtiofs_with_two_pauses_shows_stalls_no_errors_and_recovery_times()
    {
        // no reproducers: their idle pass (rm_rf_5000 among them) outlasts the 60 s hang timeout under TCG on a loaded machine
        var (dir, r) = await QemuMinute("qemu", "pause:every=20s,for=3s", "--knownbugs-runs", "0");
        Assert.True(r.ExitCode == 0, Tail(r));
        var classes = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "classes.json")))!;
        Assert.Equal((0, 0), (Count(classes, "operation_error"), Count(classes, "mount_failure")));
        // each pause is a stall: the pause's when the incident began with it (issue 10: what a fault provoked is the fault's), the
        // guest's when an incident of its own was under way (a loaded machine that cannot keep the rate); the two may join into one
        var during = classes["during_faults"]!.AsArray();
        Assert.InRange(during.Sum(f => (long)f!["stalls"]!) + Count(classes, "stall"), 1, 6);
        Assert.All(during, f => Assert.StartsWith("pause#", (string?)f!["fault"]));
        var recoveries = classes["recoveries"]!.AsArray();
        Assert.Equal(2, recoveries.Count);
        Assert.All(recoveries, x => Assert.NotNull(x!["recovery_s"]));
        var roles = File.ReadAllLines(Path.Combine(dir, "vmm.csv")).Skip(1).Select(l => l.Split(',')[2]).ToHashSet();
        Assert.Contains("qemu", roles);
        Assert.Contains("virtiofsd", roles);
    }

    [RequiresFact("qemu")]
    public async Task A_killed_virtiofsd_ends_the_soak_cleanly_as_a_mount_failure_with_what_came_before()
    {
        var (dir, r) = await QemuMinute("kill", "pause:at=5s,for=2s;stall:at=12s,for=3s;kill:at=20s", "--hang-timeout", "10s", "--knownbugs-runs", "0");
        Assert.True(r.ExitCode == 4, Tail(r));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal("partial", (string?)manifest["status"]);
        Assert.StartsWith("mount_failure", (string?)manifest["end_reason"]);
        var classes = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "classes.json")))!;
        // the killed server's mount failure is the kill's (issue 10), not the provider's
        Assert.Equal((0, 0), (Count(classes, "mount_failure"), Count(classes, "operation_error")));
        var kill = classes["during_faults"]!.AsArray().Single(f => (string?)f!["fault"] == "kill#1")!;
        Assert.Equal(1, (long)kill["mount_failures"]!);
        var recoveries = classes["recoveries"]!.AsArray().ToDictionary(x => (string)x!["fault"]!, x => x!);
        Assert.NotNull(recoveries["pause#1"]["recovery_s"]);
        Assert.NotNull(recoveries["stall#1"]["recovery_s"]);
        Assert.Null(recoveries["kill#1"]["recovery_s"]);
        Assert.Equal("never", (string?)recoveries["kill#1"]["note"]);
        Assert.Contains(",mount_failure,", File.ReadAllText(Path.Combine(dir, "events.csv")));
    }
}
