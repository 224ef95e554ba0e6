using FsBench.Host.Coherence;
using FsBench.Host.Providers;
using FsBench.Tests.Support;

namespace FsBench.Tests.Qemu;

/// <summary>The cross-side coherence scenario in a real guest: the host changes the share while the guest's caches are warm.</summary>
public abstract partial class QemuGuestTests
{
    [RequiresFact("qemu")]
    public async Task Coherence_records_a_staleness_distribution_with_every_change_seen_within_the_limit_and_no_errno()
    {
        const int trials = 4, limitMs = 10_000;
        var rows = await CoherencePass.RunOneAsync(Guest.Provider, MountModes.Bind, Guest.Context, trials, limitMs, csv: null, CancellationToken.None);
        string cache = Guest.Info!.Settings["cache"];
        foreach (var kind in rows.GroupBy(r => r.Kind))
            output.WriteLine($"{Guest.Provider.Name} cache={cache} {kind.Key}: staleness ms [{string.Join(", ", kind.Select(r => $"{r.StalenessUs / 1000:0.0}"))}], " +
                             $"stale polls [{string.Join(", ", kind.Select(r => r.StalePolls))}], reply ms [{string.Join(", ", kind.Select(r => $"{r.ReplyUs / 1000:0}"))}]");

        Assert.Equal(trials * CoherenceKind.All.Count, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.True(r.Warm, $"{r.Kind} {r.Trial}: the guest's look never showed the host's file");
            Assert.True(r.Observed, $"{r.Kind} {r.Trial}: not seen within {limitMs} ms; the guest still showed {r.LastSeen}");
            Assert.True(r.Errnos == "", $"{r.Kind} {r.Trial}: {r.Errnos}");
            Assert.Equal(0, r.Reverted);
            Assert.InRange(r.StalenessUs, 0, r.SeenUs!.Value);
        });
        // The staleness is bounded by the guest's cache lifetimes: virtiofsd's cache=auto gives attributes and entries 1 s;
        // 9p with cache=none caches nothing. Slack for a loaded 2-core machine under TCG.
        double maxMs = cache == "none" ? 500 : cache == "auto" ? 2_500 : limitMs;
        Assert.All(rows, r => Assert.True(r.StalenessUs / 1000 <= maxMs, $"{r.Kind} {r.Trial}: stale for {r.StalenessUs / 1000:0} ms with cache={cache}"));
        // Positive control for the staleness measurement: where the guest keeps entries and attributes (cache=auto), a change it
        // looks at again within their lifetime shows as stale polls; with cache=none (9p here) the first poll shows it.
        var cached = rows.Where(r => r.Kind is "rewrite-unread" or "replace" or "rename" or "delete").ToList();
        if (cache == "auto") Assert.True(cached.Any(r => r.StalePolls > 0), $"cache=auto: none of {cached.Count} trials saw the old state");
        if (cache == "none") Assert.All(rows, r => Assert.True(r.StalePolls == 0, $"cache=none: {r.Kind} {r.Trial} saw the old state {r.StalePolls} times"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(((IProvider)Guest.Provider).HostShareDir(Guest.Context, MountModes.Bind)!).Where(e => Path.GetFileName(e).StartsWith("coherence-")));
    }
}
