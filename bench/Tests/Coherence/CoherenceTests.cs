using FsBench.Host.Coherence;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Local;
using FsBench.Probe.Coherence;
using FsBench.Probe.Session;
using FsBench.Protocol;
using FsBench.RunFormat;
using FsBench.Tests.Support;

namespace FsBench.Tests.Coherence;

/// <summary>The cross-side coherence scenario: the poller's measurement, the whole pass on local, and its record.</summary>
public sealed class CoherenceTests : TempDirTest
{
    [RequiresFact("aot-probe")]
    public async Task On_local_every_change_shows_at_the_first_poll_with_no_errno_and_the_host_directory_is_removed()
    {
        var ctx = new ProviderContext("cohtest", Path.Combine(Tmp.Path, "state"), Tmp.Path, Requirements.AotProbe, TimeSpan.FromSeconds(60));
        IProvider local = new LocalProvider();
        var rows = await CoherencePass.RunOneAsync(local, MountModes.Bind, ctx, trials: 3, limitMs: 5000, csv: null, CancellationToken.None);

        Assert.Equal(3 * CoherenceKind.All.Count, rows.Count);
        Assert.Equal(CoherenceKind.All.Select(k => k.Name).Order(), rows.Select(r => r.Kind).Distinct().Order());
        Assert.All(rows, r =>
        {
            Assert.True(r.Warm && r.LookStalePolls == 0, $"{r.Kind} {r.Trial}: the look did not see the old state at once");
            Assert.True(r.Observed && r.StalePolls == 0 && r.StalenessUs == 0, $"{r.Kind} {r.Trial}: {r.StalePolls} stale polls, last saw {r.LastSeen}");
            Assert.Equal(1 + 3, r.Polls);   // the first poll showed it, then the three confirmations
            Assert.Equal(0, r.Reverted);
            Assert.Equal("", r.Errnos);
        });
        Assert.Empty(Directory.EnumerateFileSystemEntries(local.HostShareDir(ctx, MountModes.Bind)!));
    }

    [RequiresFact("aot-probe")]
    public async Task The_coherence_command_writes_a_run_folder_with_its_manifest_and_one_row_per_trial()
    {
        string dir = Path.Combine(Tmp.Path, "run");
        var r = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(AppContext.BaseDirectory, "FsBench.Host.dll"), "coherence", "--providers", "local", "--trials", "2",
                "--out", dir, "--probe", Requirements.AotProbe, "--scratch", Path.Combine(Tmp.Path, "scratch")])
            .WithValidation(CliWrap.CommandResultValidation.None));
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        var manifest = ManifestReader.ReadBench(dir);
        Assert.Equal((RunStatus.Complete, "coherence", 2, CoherencePass.DefaultLimitMs), (manifest.Status, manifest.Profile, manifest.Settings.CoherenceTrials, manifest.Settings.CoherenceLimitMs));
        var rows = CoherenceRow.ReadIfPresent(dir);
        Assert.Equal(2 * CoherenceKind.All.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(("local", "bind", true), (row.Provider, row.Mount, row.Observed)));
        Assert.Contains("12/12 trials; run complete", r.StandardOutput);
    }

    [Fact]
    public async Task The_poller_measures_how_long_a_path_kept_its_old_state_and_sees_the_new_one()
    {
        string f = Path.Combine(Tmp.Path, "f");
        await File.WriteAllTextAsync(f, "old");
        var poller = new CoherencePoller(new ScratchRoot(Tmp.Path));
        var request = Request(new CoherenceCheck { Path = "f", ExistedBefore = true, Exists = true, Size = 5, Head = "NEW!\n" }, limitMs: 20_000, confirm: 2);
        // The change comes while the probe polls: everything before it is stale, and the poll ends after it.
        var change = Task.Run(async () => { await Task.Delay(300); await File.WriteAllTextAsync(f, "NEW!\n"); });
        var r = Assert.Single(poller.Run(request).Results);
        await change;

        Assert.True(r.Observed);
        Assert.True(r.StalePolls >= 1, $"{r.StalePolls} stale polls");
        Assert.InRange(r.StaleNs, 1, r.SeenNs - 1);
        Assert.Equal(r.StalePolls + 1 + 2, r.Polls);
        Assert.Equal(["size 3"], r.FirstSeen);
        Assert.Equal(["size 5"], r.LastSeen);
        Assert.Empty(r.Errnos);
    }

    [Fact]
    public void A_state_that_never_comes_ends_at_the_limit_as_not_observed()
    {
        File.WriteAllText(Path.Combine(Tmp.Path, "stays"), "here");
        var poller = new CoherencePoller(new ScratchRoot(Tmp.Path));
        var r = Assert.Single(poller.Run(Request(new CoherenceCheck { Path = "stays", ExistedBefore = true, Exists = false }, limitMs: 50, confirm: 3)).Results);
        Assert.False(r.Observed);
        Assert.Equal(-1, r.SeenNs);
        Assert.True(r.StaleNs >= 50_000_000, $"stale {r.StaleNs} ns");
        Assert.Equal(r.Polls, r.StalePolls);
        Assert.Equal("size 4", r.LastSeen.Single());
    }

    [Fact]
    public void Enoent_on_a_path_absent_before_or_after_is_expected_and_any_other_errno_is_counted()
    {
        File.WriteAllText(Path.Combine(Tmp.Path, "file"), "x");
        var poller = new CoherencePoller(new ScratchRoot(Tmp.Path));
        var req = new ProbeRequest
        {
            Cmd = "coherence", Dir = ".",
            Coherence = new CoherenceRequest
            {
                LimitMs = 0, ConfirmPolls = 0,
                Trials =
                [
                    new CoherenceTrial { Checks = [new CoherenceCheck { Path = "gone", ExistedBefore = true, Exists = false }] },
                    new CoherenceTrial { Checks = [new CoherenceCheck { Path = "file/under", ExistedBefore = true, Exists = true, Size = 1 }] },
                    new CoherenceTrial { Checks = [new CoherenceCheck { Path = "vanished", ExistedBefore = true, Exists = true, Size = 1 }] },
                ],
            },
        };
        var r = poller.Run(req).Results;
        Assert.True(r[0].Observed);
        Assert.Empty(r[0].Errnos);
        Assert.Equal(1, r[1].Errnos["stat:ENOTDIR"]);
        Assert.Equal(1, r[2].Errnos["stat:ENOENT"]);   // a file that existed before and after must not vanish
    }

    [Fact]
    public void A_path_outside_the_scratch_root_is_refused()
    {
        var poller = new CoherencePoller(new ScratchRoot(Tmp.Path));
        Assert.Throws<ProbeException>(() => poller.Run(Request(new CoherenceCheck { Path = "../x", Exists = false }, 10, 0)));
    }

    [Fact]
    public void A_coherence_row_round_trips_through_the_shared_writer_and_reader()
    {
        string csv = Path.Combine(Tmp.Path, RunFolderLayout.CoherenceFile);
        RunFormatCsv.CreateEmpty<CoherenceRow>(csv);
        RunFormatCsv.Append<CoherenceRow>(csv, new List<CoherenceRow>
        {
            new CoherenceRow { Provider = "qemu-virtiofs", Mount = "bind", Kind = "rename", Trial = 2, Warm = true, Observed = true, Polls = 40, StalePolls = 36,
                StalenessUs = 912_345.5, SeenUs = 915_000.25, ReplyUs = 930_001.5, LimitMs = 10_000, Errnos = CoherenceRow.FormatErrnos([new("stat:EIO", 2), new("look:open:ESTALE", 1)]),
                LastSeen = "absent; size 102" },
            new CoherenceRow { Provider = "local", Mount = "bind", Kind = "delete", Trial = 1, Warm = false, LookStalePolls = 3, Observed = false, Polls = 9000, StalePolls = 9000,
                StalenessUs = 10_000_000, SeenUs = null, LimitMs = 10_000, LastSeen = "size 101" },
        });
        Assert.Equal("provider,mount,kind,trial,warm,look_stale_polls,observed,polls,stale_polls,staleness_us,seen_us,reverted,reply_us,limit_ms,errnos,last_seen",
            File.ReadLines(csv).First());
        var rows = CoherenceRow.ReadIfPresent(Tmp.Path);
        Assert.Equal(2, rows.Count);
        Assert.Equal((912_345.5, 915_000.25, "absent; size 102"), (rows[0].StalenessUs, rows[0].SeenUs!.Value, rows[0].LastSeen));
        Assert.Equal(new Dictionary<string, long> { ["look:open:ESTALE"] = 1, ["stat:EIO"] = 2 }, rows[0].ErrnoCounts());
        Assert.Equal((false, 3, false, (double?)null), (rows[1].Warm, rows[1].LookStalePolls, rows[1].Observed, rows[1].SeenUs));
        Assert.Empty(rows[1].ErrnoCounts());
    }

    private static ProbeRequest Request(CoherenceCheck check, int limitMs, int confirm) => new()
    {
        Cmd = "coherence", Dir = ".",
        Coherence = new CoherenceRequest { LimitMs = limitMs, ConfirmPolls = confirm, IntervalMs = 1, Trials = [new CoherenceTrial { Checks = [check] }] },
    };
}
