using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Tests.Host;

/// <summary>
/// Whole runs through BenchmarkDotNet (out of process, build included), as ./run-bench.sh starts them.
/// In one class so that they never build BenchmarkDotNet's generated project at the same time.
/// </summary>
public sealed class StudyRunTests : TempDirTest
{

    private async Task<BufferedCommandResult> Run(string outDir, string probe, params string[] args) =>
        await Cli.Wrap("dotnet")
            .WithArguments([Requirements.BuiltHostDll, "run", "--profile", "smoke", "--out", outDir, "--probe", probe, "--scratch", Path.Combine(Tmp.Path, "scratch"), .. args])
            .WithWorkingDirectory(Requirements.RepoRoot)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

    [RequiresFact("aot-probe")]
    public async Task A_smoke_run_writes_a_complete_self_describing_run_folder()
    {
        bool podman = Requirements.MissingPodman() is null;
        string providers = podman ? "local,podman" : "local";
        string dir = Path.Combine(Tmp.Path, "run");
        var r = await Run(dir, Requirements.AotProbe, "--providers", providers, "--ops", "mkdir,getxattr", "--workers", "1,4", "--repetitions", "3");
        Assert.True(r.ExitCode == 0, r.StandardOutput[^Math.Min(3000, r.StandardOutput.Length)..] + r.StandardError);

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal("complete", (string?)manifest["status"]);
        Assert.Equal("smoke", (string?)manifest["profile"]);
        Assert.NotNull(manifest["host"]!["kernel"]);
        Assert.NotNull(manifest["virtualization"]!["hardware_virt"]);
        Assert.NotNull(manifest["ended_utc"]);

        var rows = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        Assert.Equal("provider,mount,op,workers,ops,failures,p50_ns,p99_ns,ops_per_s,p999_ns,mean_ns,layout,status,reason", rows[0]);
        int expected = 2 * 2 * (podman ? 4 : 1);
        Assert.Equal(expected, rows.Length - 1);
        foreach (var row in rows.Skip(1))
        {
            var f = row.Split(',');
            Assert.Equal(3 * 1 * 256, long.Parse(f[4]));      // 3 launches x 1 measured batch; warmup is not counted
            Assert.Equal("0", f[5]);
            Assert.True(long.Parse(f[6]) > 0 && long.Parse(f[7]) >= long.Parse(f[6]), row);
            Assert.Equal(("ok", ""), (f[12], f[13]));
        }
        Assert.False(Directory.Exists(Path.Combine(Tmp.Path, "scratch", "run")));   // the run's scratch went with its end
        Assert.Equal(expected, Directory.GetFiles(Path.Combine(dir, "probe"), "*.json").Length);
        var probe = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "probe", "local.bind.mkdir.w4.json")))!;
        Assert.Equal(3 * 256, (long)probe["warmup_ops"]!);             // 1 warmup batch in each of 3 launches
        var launches = probe["launches"]!.AsArray();
        Assert.Equal([0, 1, 2], launches.Select(l => (int)l!["repetition"]!));
        Assert.All(launches, l => Assert.Equal([true, false], l!["batches"]!.AsArray().Select(b => (bool)b!["warmup"]!)));
        var repetitions = manifest["repetitions"]!.AsArray();
        Assert.Equal(3, repetitions.Count);
        Assert.All(repetitions, r => Assert.Equal(providers.Split(',').Order(), r!["order"]!.AsArray().Select(p => (string)p!).Order()));
        var exports = Directory.GetFiles(Path.Combine(dir, "bdn"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains(exports, f => f!.EndsWith("-report-full.json"));
        Assert.Contains(exports, f => f!.EndsWith("-numeric.csv"));
        Assert.Contains(exports, f => f!.EndsWith("-report-github.md"));
        var knownBugs = File.ReadAllLines(Path.Combine(dir, "knownbugs.csv"));
        Assert.Equal(FsBench.RunFormat.RunFormatCsv.Header<FsBench.RunFormat.KnownBugRow>(), knownBugs[0]);
        var local = knownBugs.Where(l => l.StartsWith("local,bind,idle,")).ToList();
        Assert.Equal(FsBench.Probe.KnownBugs.KnownBugCatalog.All.Count, local.Count);
        Assert.All(local, l => Assert.Equal("0", l.Split(',')[5]));   // POSIX behaviour on the host filesystem
        var coherence = FsBench.RunFormat.CoherenceRow.ReadIfPresent(dir);   // 5 rounds (smoke) of every change, on each bind share
        Assert.Equal(5 * FsBench.Host.Coherence.CoherenceKind.All.Count * (podman ? 2 : 1), coherence.Count);
        Assert.All(coherence, c => Assert.True(c.Observed && c.StalePolls == 0 && c.Errnos == "", $"{c.Provider} {c.Kind} {c.Trial}: {c.StalePolls} stale polls, {c.Errnos}"));
        if (!podman) Console.WriteLine($"podman part skipped: {Requirements.MissingPodman()}");
    }

    [Fact]
    public async Task A_probe_that_dies_mid_run_leaves_a_partial_run_with_what_was_measured()
    {
        // A probe that serves the first session and is gone for the next, like a guest that dies.
        string wrapper = Path.Combine(Tmp.Path, "dying-probe");
        File.WriteAllText(wrapper, $"""
            #!/bin/sh
            if [ -e "$0.used" ]; then echo "probe gone" >&2; exit 1; fi
            touch "$0.used"
            exec dotnet {Requirements.ManagedProbe} "$@"
            """);
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string dir = Path.Combine(Tmp.Path, "partial");

        var r = await Run(dir, wrapper, "--providers", "local", "--ops", "mkdir,stat", "--workers", "1", "--repetitions", "1");

        Assert.Equal(3, r.ExitCode);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal("partial", (string?)manifest["status"]);
        Assert.Equal(1, (int)manifest["cases_finished"]!);
        Assert.Equal(2, (int)manifest["cases_expected"]!);
        // every case whose benchmark failed still has its row in summary.csv, with what it measured and why it failed
        var rows = FsBench.RunFormat.RunFormatCsv.Read<FsBench.RunFormat.SummaryRow>(Path.Combine(dir, "summary.csv")).ToList();
        Assert.Equal(2, rows.Count);
        // the case that ran first finished: its 1 measured batch (warmup is not counted)
        var finished = Assert.Single(rows, r => r.IsOk);
        Assert.Equal((256L, 0L), (finished.Ops, finished.Failures));
        Assert.True(File.Exists(Path.Combine(dir, "probe", $"local.bind.{finished.Op}.w1.json")));
        // the other's benchmark failed (its session never opened): it still has its row, with nothing measured and why
        var failed = Assert.Single(rows, r => !r.IsOk);
        Assert.Equal(("failed", 0L), (failed.Status, failed.Ops));
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
        Assert.False(Directory.Exists(Path.Combine(Tmp.Path, "scratch", "partial")));
    }

    [RequiresFact("qemu")]
    public async Task With_fresh_guest_the_QEMU_guest_is_booted_anew_for_the_second_repetition_and_the_run_loses_nothing()
    {
        string dir = Path.Combine(Tmp.Path, "fresh");
        var r = await Run(dir, Requirements.AotProbe, "--providers", "qemu-9p", "--ops", "stat", "--repetitions", "2", "--fresh-guest",
            "--workloads", "none", "--coherence-trials", "0");
        Assert.True(r.ExitCode == 0, r.StandardOutput[^Math.Min(3000, r.StandardOutput.Length)..] + r.StandardError);

        var manifest = FsBench.RunFormat.ManifestReader.ReadBench(dir);
        Assert.Equal(("complete", true), (manifest.Status, manifest.Settings.FreshGuest));
        // the guest booted at the run's start serves repetition 1; repetition 2 stops it and boots a new one, both timed
        var cycles = FsBench.RunFormat.RunFormatCsv.Read<FsBench.RunFormat.CycleRow>(Path.Combine(dir, FsBench.RunFormat.RunFolderLayout.CyclesFile)).ToList();
        Assert.Equal([(2, "qemu-9p", "stop", true), (2, "qemu-9p", "start", true)], cycles.Select(c => (c.Repetition, c.Provider, c.Action, c.Ok)));
        Assert.All(cycles, c => Assert.True(c.Seconds > 0, $"{c.Action}: {c.Seconds} s"));
        // both cases (bind, overlay) measured in both launches, nothing failed
        var rows = FsBench.RunFormat.RunFormatCsv.Read<FsBench.RunFormat.SummaryRow>(Path.Combine(dir, "summary.csv")).ToList();
        Assert.Equal(["bind", "overlay"], rows.Select(x => x.Mount).Order());
        Assert.All(rows, x => Assert.Equal(("ok", 2 * 256L, 0L), (x.Status, x.Ops, x.Failures)));
        Assert.Equal(2, (int)manifest.CasesFinished!);
        Console.WriteLine(string.Join("; ", cycles.Select(c => $"r{c.Repetition} {c.Action} {c.Seconds} s")));
    }
}
