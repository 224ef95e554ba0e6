using HdrHistogram;
using System.Diagnostics;
using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Faults;
using FsBench.Host.Providers.Qemu;
using FsBench.Protocol;
using Xunit.Abstractions;

namespace FsBench.Tests.Qemu;

/// <summary>The probe in a real booted guest, over one transport (the subclasses pick virtio-fs or 9p).</summary>
public abstract partial class QemuGuestTests(QemuGuestFixture guest, ITestOutputHelper output)
{
    protected QemuGuestFixture Guest { get; } = guest;

    [RequiresFact("qemu")]
    public async Task The_guest_reports_its_acceleration_versions_and_boot_time()
    {
        var info = Guest.Info!;
        Assert.Contains(info.Acceleration, new[] { "kvm", "tcg" });
        Assert.False(string.IsNullOrEmpty(info.Versions["qemu"]));
        Assert.StartsWith("6.", info.Versions["guest_kernel"]);
        Assert.True(double.Parse(info.Settings["boot_seconds"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        output.WriteLine(string.Join(", ", info.Settings.Select(kv => $"{kv.Key}={kv.Value}")));
        await using var session = await Guest.SessionAsync(MountModes.Bind);
        var hello = await session.HelloAsync();
        Assert.Equal("x86_64", hello.Arch);
        Assert.Equal("/mnt", hello.Root);
    }

    [RequiresFact("qemu")]
    public async Task Metadata_ops_succeed_on_the_share_and_the_overlay_with_sane_latencies()
    {
        foreach (var mount in new[] { MountModes.Bind, MountModes.Overlay })
        {
            await using var session = await Guest.SessionAsync(mount);
            foreach (var op in new[] { "mkdir", "create", "stat", "chmod", "rename", "unlink" })
            {
                var r = await session.RunBatchAsync(op, 150, 1, Layouts.Private, 150);
                double opsPerS = r.Ops / (r.WallNs / 1e9);
                double medianMs = r.SamplesNs.Order().ElementAt(r.SamplesNs.Length / 2) / 1e6;
                output.WriteLine($"{mount} {op}: {opsPerS:0} ops/s, median {medianMs:0.000} ms, failures {r.Failures}");
                Assert.True(r.Failures == 0, $"{mount} {op}: {string.Join(",", r.Errnos)}");
                Assert.Equal(150, r.Ops);
                Assert.InRange(opsPerS, 20, 1_000_000);
                Assert.InRange(medianMs, 0.0001, 100);
            }
            await session.CleanupAsync();
        }
    }

    [RequiresFact("qemu")]
    public async Task Xattrs_round_trip_on_the_share_and_on_the_overlay_whose_upper_layer_is_ext4()
    {
        Assert.True(Guest.Info!.Settings["overlay_upper"] == "ext4 on virtio-blk (snapshot=on)",
            string.Join(", ", Guest.Info.Settings.Select(kv => $"{kv.Key}={kv.Value}")));
        foreach (var mount in new[] { MountModes.Bind, MountModes.Overlay })
        {
            await using var session = await Guest.SessionAsync(mount);
            foreach (var op in new[] { "setxattr", "getxattr", "listxattr" })
            {
                var r = await session.RunBatchAsync(op, 100, 1, Layouts.Private, 100);
                output.WriteLine($"{mount} {op}: {r.Ops} ops, {r.Failures} failures {string.Join(",", r.Errnos)}, prep {r.PrepFailures}");
                Assert.True(r.Failures == 0, $"{mount} {op}: {string.Join(",", r.Errnos)} {r.FirstFailures.FirstOrDefault()}");
                Assert.Equal(0, r.PrepFailures);
            }
            await session.CleanupAsync();
        }
    }

    [RequiresFact("qemu")]
    public async Task A_five_second_qmp_pause_during_a_batch_fails_nothing_and_stops_the_guests_clock_too()
    {
        var faults = Guest.Provider.Faults(Guest.Context);
        Assert.Null(faults.WhyNot(Fault.Pause));
        var state = QemuState.For(Guest.Context, Guest.Provider.Name);
        string during = "?";
        var (r, hostSeconds) = await BatchAcrossFault(async () =>
        {
            await faults.StartAsync(Fault.Pause, TimeSpan.FromSeconds(5), default);
            await using var qmp = await QmpClient.ConnectAsync(state.QmpSocket, default);
            during = await qmp.StatusAsync(default);
        }, () => faults.EndAsync(Fault.Pause, default), TimeSpan.FromSeconds(5));
        Assert.Equal("paused", during);
        Assert.True(r.Failures == 0, string.Join(",", r.Errnos));
        Assert.True(hostSeconds >= 5, $"the host waited {hostSeconds:0.0} s");
        // QMP stop freezes the guest's clocks with its vCPUs: the pause is not an in-guest latency (FreezeVm is).
        output.WriteLine($"in-guest max latency across a 5 s QMP pause: {MaxSeconds(r):0.00} s; in-guest wall {r.WallNs / 1e9:0.0} s; host {hostSeconds:0.0} s");
    }

    [RequiresFact("qemu")]
    public async Task A_five_second_vm_freeze_by_the_fault_command_is_a_latency_spike_and_is_recorded_with_its_window()
    {
        using var record = new TempDir();
        string runDir = Path.GetDirectoryName(Guest.Context.StateDir)!, outDir = Path.Combine(record.Path, "fault");
        Task<CliWrap.Buffered.BufferedCommandResult>? command = null;
        var (r, _) = await BatchAcrossFault(async () =>
        {
            command = Machine.FaultTests.RunFault("--provider", Guest.Provider.Name, "--kind", "freeze", "--seconds", "5", "--run", runDir, "--out", outDir);
            await Task.Delay(TimeSpan.FromSeconds(5));
        }, async () => Assert.Equal(0, (await command!).ExitCode), TimeSpan.Zero);
        Assert.True(r.Failures == 0, string.Join(",", r.Errnos));
        Assert.True(MaxSeconds(r) >= 3.0, $"max latency {MaxSeconds(r):0.00} s");

        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")))!;
        Assert.Equal(("fault", "complete", "freeze"), ((string?)manifest["kind"], (string?)manifest["status"], (string?)manifest["fault"]!["kind"]));
        var window = Assert.Single(manifest["faults_applied"]!.AsArray())!;
        double lasted = (double)window["end_s"]! - (double)window["start_s"]!;
        Assert.InRange(lasted, 4.5, 30);
        string events = File.ReadAllText(Path.Combine(outDir, "events.csv"));
        Assert.Contains(",fault_start,freeze#1,", events);
        Assert.Contains(",fault_end,freeze#1,", events);
    }

    /// <summary>A mkdir batch sized to last about 4 s; the fault starts 1 s in and lasts <paramref name="hold"/>.</summary>
    protected async Task<(BatchResult Result, double HostSeconds)> BatchAcrossFault(Func<Task> inflict, Func<Task> end, TimeSpan hold)
    {
        await using var session = await Guest.SessionAsync(MountModes.Bind);
        int count = await CountForSecondsAsync(session, "mkdir", 4);
        var clock = Stopwatch.StartNew();
        var batch = session.RunBatchAsync("mkdir", count, 1, Layouts.Private, 256);
        await Task.Delay(1000);
        Assert.False(batch.IsCompleted, "the batch ended before the fault");
        await inflict();
        await Task.Delay(hold);
        await end();
        var r = await batch;
        double hostSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{count} mkdir: {r.Failures} failures, max {MaxSeconds(r):0.00} s, batch {hostSeconds:0.0} s");
        await session.CleanupAsync();
        return (r, hostSeconds);
    }

    public static async Task<int> CountForSecondsAsync(ProbeSession session, string op, double seconds)
    {
        var r = await session.RunBatchAsync(op, 100, 1, Layouts.Private, 100);
        double perSecond = r.Ops / (r.WallNs / 1e9);
        return (int)Math.Clamp(perSecond * seconds, 500, 50_000);
    }

    public static double MaxSeconds(BatchResult r) => HistogramCodec.Decode(r.Histogram).GetMaxValue() / 1e9;
}

[Collection("qemu")]
public sealed class QemuVirtiofsTests(VirtiofsGuest guest, ITestOutputHelper output)
    : QemuGuestTests(guest, output), IClassFixture<VirtiofsGuest>
{
    [RequiresFact("qemu")]
    public async Task A_stalled_virtiofsd_during_a_batch_is_a_latency_spike_not_a_failure()
    {
        var faults = Guest.Provider.Faults(Guest.Context);
        Assert.Null(faults.WhyNot(Fault.Stall));
        var (r, _) = await BatchAcrossFault(() => faults.StartAsync(Fault.Stall, TimeSpan.FromSeconds(3), default), () => faults.EndAsync(Fault.Stall, default), TimeSpan.FromSeconds(3));
        Assert.True(r.Failures == 0, string.Join(",", r.Errnos));
        Assert.True(MaxSeconds(r) >= 2.4, $"max latency {MaxSeconds(r):0.00} s");
    }

    /// <summary>
    /// Files the guest made itself less than a second ago are in its dentry and attribute caches (cache=auto: virtiofsd's
    /// timeouts are 1 s), so a stat of them is answered in the guest. Files the host made in the share after the guest last
    /// looked are not: stat_cold's FUSE_LOOKUP reaches virtiofsd. (A batch of hundreds of files the guest made takes longer
    /// than 1 s to prepare under TCG, so most of the many-file stat's files have expired by the time they are stat'ed.)
    /// </summary>
    [RequiresFact("qemu")]
    public async Task A_cold_stat_reaches_virtiofsd_where_a_stat_of_files_the_guest_just_made_meets_its_cache()
    {
        string cache = Guest.Info!.Settings["cache"];
        await using var session = await Guest.SessionAsync(MountModes.Bind);
        Assert.NotNull(session.HostShareDir);
        long hot = long.MaxValue;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var r = await session.RunBatchAsync("stat", 16, 1, Layouts.Private, 16);     // 16 creates take well under 1 s
            Assert.True((16L, 0L) == (r.Ops, r.Failures), string.Join(",", r.Errnos));
            hot = Math.Min(hot, r.P50Ns);
        }
        var cold = await session.RunBatchAsync("stat_cold", 64, 1, Layouts.Private, 64);
        output.WriteLine($"stat of 16 files the guest just made: p50 {hot / 1000.0:0.0} us (best of 3); stat_cold: p50 {cold.P50Ns / 1000.0:0.0} us (cache={cache})");
        Assert.True((64L, 0L, 0L) == (cold.Ops, cold.Failures, cold.PrepFailures), $"{string.Join(",", cold.Errnos)} prep {string.Join(",", cold.PrepErrnos)}");
        if (cache == "none")   // FSBENCH_QEMU_VIRTIOFS_CACHE=none: no guest cache, both reach the server
            Assert.InRange(cold.P50Ns / (double)hot, 0.2, 5);
        else                   // a round trip to virtiofsd costs many times a cache hit, even on a loaded machine (about 80 times on a quiet one)
            Assert.True(cold.P50Ns >= 4 * hot, $"stat_cold p50 {cold.P50Ns} ns is not well above the cached stat's {hot} ns (cache={cache})");
        Assert.Empty(Directory.GetDirectories(session.HostShareDir!, "cold-*"));   // the host removed its files after the batch
        await session.CleanupAsync();
    }

    /// <summary>
    /// virtiofsd keeps a descriptor (O_PATH) for each inode the guest knows, and a guest with memory to spare never
    /// forgets the cold ops' files, which the host deletes behind its back: a run's cases would pile them up to the host's limit (EMFILE). A case's clean-up with the guest's caches
    /// dropped gives them back.
    /// </summary>
    [RequiresFact("qemu")]
    public async Task A_case_cleanup_that_drops_the_guests_caches_gives_the_file_servers_descriptors_back()
    {
        Assert.True(Guest.Provider.GuestForgetsAfterCase);
        await using var session = await Guest.SessionAsync(MountModes.Bind);
        int before = await ServerDescriptorsAsync();
        for (int batch = 0; batch < 3; batch++)
        {
            var r = await session.RunBatchAsync("stat_cold", 256, 4, Layouts.Private, 16);
            Assert.True((256L, 0L) == (r.Ops, r.Failures), string.Join(",", r.Errnos));
        }
        int held = await ServerDescriptorsAsync();
        string said = await session.CleanupAsync(dropCaches: true);
        Assert.Contains(GuestCaches.Dropped, said);
        int after = await ServerDescriptorsAsync();
        output.WriteLine($"file server descriptors: {before} before, {held} after 768 cold stats, {after} after the clean-up ({said})");
        Assert.True(held - before >= 500, $"the cold files held {held - before} descriptors (expected one per file the guest looked up)");
        Assert.True(after - before <= 50, $"{after - before} of the {held - before} descriptors are still held after the caches were dropped");
    }

    private async Task<int> ServerDescriptorsAsync()
    {
        var processes = await Guest.Provider.ProcessesToSampleAsync(Guest.Context, null, CancellationToken.None);
        return processes.Sum(p => Directory.Exists($"/proc/{p.Pid}/fd") ? Directory.GetFiles($"/proc/{p.Pid}/fd").Length : 0);
    }
}

[Collection("qemu")]
public sealed class Qemu9pTests(NinePGuest guest, ITestOutputHelper output)
    : QemuGuestTests(guest, output), IClassFixture<NinePGuest>;
