using System.Text.Json;
using FsBench.Probe.Ops;
using FsBench.Protocol;

namespace FsBench.Host.Channel;

/// <summary>
/// The host's side of one probe: typed requests over a line channel, each bounded by a timeout, so a dead
/// guest or a stalled server ends in a clear <see cref="ProbeChannelException"/>, never a hang.
/// </summary>
public sealed class ProbeSession(IProbeChannel channel, string batchDir, TimeSpan timeout, string? lowerDir = null, string? hostShareDir = null) : IAsyncDisposable
{
    private TimeSpan Timeout { get; } = timeout;
    /// <summary>The directory batches run in, relative to the probe's scratch root (the mount under test).</summary>
    public string BatchDir { get; } = batchDir;
    /// <summary>When <see cref="BatchDir"/> is an overlay whose lower layer the probe can reach: that layer (for copyup).</summary>
    public string? LowerDir { get; } = lowerDir;
    /// <summary>The host directory behind <see cref="BatchDir"/>, when the host can write into it (<c>IProvider.HostShareDir</c>): where the cold ops' files are made.</summary>
    public string? HostShareDir { get; } = hostShareDir;
    public IProbeChannel Channel { get; } = channel;

    /// <summary>The probe's last hello reply (every provider's OpenSession says hello first), or null before one.</summary>
    public HelloReply? Hello { get; private set; }

    public async Task<HelloReply> HelloAsync(CancellationToken ct = default) =>
        Hello = JsonSerializer.Deserialize(await RequestAsync(new ProbeRequest { Cmd = "hello" }, "hello", ct), ProtocolJson.Default.HelloReply)!;

    /// <param name="fixtures">A cold op's files made in advance (<see cref="MakeFixtures"/>), which the caller then removes;
    /// without them a cold op's files are made here, just before the request, and removed after it.</param>
    public async Task<BatchResult> RunBatchAsync(string op, int count, int workers, string layout, int sample, CancellationToken ct = default,
        HostFixtureSet? fixtures = null)
    {
        using var own = fixtures is null ? MakeFixtures(op, count, workers, layout) : null;
        var made = fixtures ?? own;
        var req = new ProbeRequest
        {
            Cmd = "batch", Op = op, Count = count, Workers = workers, Layout = layout, Dir = BatchDir, LowerDir = LowerDir,
            FixtureDir = made?.ProbeDir, Sample = sample,
        };
        var batch = JsonSerializer.Deserialize(await RequestAsync(req, "batch", ct), ProtocolJson.Default.BatchResult)!;
        return made?.AddTo(batch) ?? batch;
    }

    /// <summary>The files a cold op's batch needs, made now in the share (untimed); null for other ops, or when the host cannot
    /// write behind this session's mount (the probe then refuses the batch: no fixture_dir).</summary>
    public HostFixtureSet? MakeFixtures(string op, int count, int workers, string layout) =>
        OperationCatalog.Info(op) is { } info && info.Has(OpNeeds.HostFixtures) && HostShareDir is not null
            ? HostFixtureSet.Make(HostShareDir, BatchDir, info, count, workers, layout)
            : null;

    /// <param name="limit">A longer limit than the session's timeout for an untimed pass (a soak's idle pass: <see cref="UntimedTimeout"/>).</param>
    /// <summary>After a soak's load: the results of its known-bug pass still running in the probe, waiting at most <paramref name="limit"/> (empty if none).</summary>
    public async Task<KnownBugReply> PendingSoakKnownBugsAsync(TimeSpan limit, CancellationToken ct = default) =>
        JsonSerializer.Deserialize(await RequestAsync(new ProbeRequest { Cmd = "soakbugs", WindowMs = (int)limit.TotalMilliseconds }, "knownbugs", ct,
            limit + TimeSpan.FromSeconds(30)), ProtocolJson.Default.KnownBugReply)!;

    public async Task<KnownBugReply> KnownBugsAsync(int runs, string[]? names = null, CancellationToken ct = default, TimeSpan? limit = null)
    {
        var req = new ProbeRequest { Cmd = "knownbugs", Count = runs, Names = names, Dir = BatchDir };
        return JsonSerializer.Deserialize(await RequestAsync(req, "knownbugs", ct, limit), ProtocolJson.Default.KnownBugReply)!;
    }

    /// <summary>
    /// Every reproducer the probe advertises, one request each: each gets the whole request timeout (a slow one, such as
    /// rm_rf_5000 over 9p under emulation, does not take the others down with it), and <paramref name="onEach"/> sees each
    /// reply as it comes, so the rows of those that finished are on disk before a hung one ends the session.
    /// </summary>
    public async Task<List<KnownBugResult>> KnownBugsEachAsync(int runs, Action<IReadOnlyList<KnownBugResult>>? onEach = null, CancellationToken ct = default,
        TimeSpan? limit = null)
    {
        var hello = Hello ?? await HelloAsync(ct);   // the reproducers it advertised when the session opened
        var results = new List<KnownBugResult>();
        foreach (string[]? names in hello.KnownBugs.Length > 0 ? hello.KnownBugs.Select(n => (string[]?)[n]) : [null])
        {
            var reply = await KnownBugsAsync(runs, names, ct, limit);
            results.AddRange(reply.Results);
            onEach?.Invoke(reply.Results);
        }
        return results;
    }

    /// <summary>One window of the soak's mix (request fields: see ProbeRequest's soak section).</summary>
    public async Task<SoakReply> SoakAsync(ProbeRequest req, CancellationToken ct = default) =>
        JsonSerializer.Deserialize(await RequestAsync(req with { Cmd = "soak", Dir = BatchDir }, "soak", ct), ProtocolJson.Default.SoakReply)!;

    /// <summary>
    /// Before the soak's first window (and after its last): its workers' files, objects and tree made, untimed (the same request
    /// fields as its windows). Hundreds of creates: bounded by <see cref="UntimedTimeout"/>, not by the load's hang timeout.
    /// </summary>
    public async Task<string> PrepareSoakAsync(ProbeRequest req, CancellationToken ct = default) =>
        JsonSerializer.Deserialize(await RequestAsync(req with { Cmd = "soakprep", Dir = BatchDir }, "ok", ct, UntimedTimeout), ProtocolJson.Default.StatusReply)!.Message;

    /// <summary>The limit of untimed work outside the load (a soak's preparation): a TCG guest on a loaded machine needs minutes for it.</summary>
    public static readonly TimeSpan UntimedTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A workload trace replayed in a fresh workspace under the batch directory (fields: see ProbeRequest's replay section).</summary>
    public async Task<ReplayReply> ReplayAsync(ProbeRequest req, CancellationToken ct = default) =>
        JsonSerializer.Deserialize(await RequestAsync(req with { Cmd = "replay", Dir = BatchDir }, "replay", ct), ProtocolJson.Default.ReplayReply)!;

    /// <summary>Polls files in <paramref name="dir"/> (relative to the probe's root) until they show the expected states (CoherenceMessages.cs).</summary>
    public async Task<CoherenceReply> CoherenceAsync(string dir, CoherenceRequest coherence, CancellationToken ct = default) =>
        JsonSerializer.Deserialize(await RequestAsync(new ProbeRequest { Cmd = "coherence", Dir = dir, Coherence = coherence }, "coherence", ct), ProtocolJson.Default.CoherenceReply)!;

    /// <summary>Removes the probe's directories; with <paramref name="dropCaches"/> the guest then drops its dentry and inode caches. Returns the probe's message.</summary>
    public async Task<string> CleanupAsync(bool dropCaches = false, CancellationToken ct = default)
    {
        string line = await RequestAsync(new ProbeRequest { Cmd = "cleanup", DropCaches = dropCaches }, "ok", ct);
        return JsonSerializer.Deserialize(line, ProtocolJson.Default.StatusReply)!.Message;
    }

    private async Task<string> RequestAsync(ProbeRequest req, string expected, CancellationToken ct, TimeSpan? limit = null)
    {
        var wait = limit is { } l && l > Timeout ? l : Timeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(wait);
        try
        {
            await Channel.SendAsync(JsonSerializer.Serialize(req, ProtocolJson.Default.ProbeRequest), cts.Token);
            string line = await Channel.ReceiveAsync(cts.Token)
                          ?? throw new ProbeChannelException($"probe channel closed during '{req.Cmd}' ({Channel.ClosedReason}) [{Channel.Describe}]");
            string type = ProtocolJson.ReplyType(line);
            if (type == ProbeProtocol.Error)
                throw new ProbeRequestException($"probe refused '{req.Cmd}': {JsonSerializer.Deserialize(line, ProtocolJson.Default.StatusReply)!.Message}");
            if (type != expected) throw new ProbeChannelException($"probe answered '{type}' to '{req.Cmd}'");
            return line;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ProbeChannelException($"probe did not answer '{req.Cmd}' within {wait.TotalSeconds:0} s [{Channel.Describe}]");
        }
        catch (JsonException e)
        {
            throw new ProbeChannelException($"probe sent a malformed reply to '{req.Cmd}': {e.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Channel.SendAsync(JsonSerializer.Serialize(new ProbeRequest { Cmd = "quit" }, ProtocolJson.Default.ProbeRequest), cts.Token);
            await Channel.ReceiveAsync(cts.Token);
        }
        catch (Exception) { /* the probe is gone already; the channel ends it below */ }
        await Channel.DisposeAsync();
    }
}

/// <summary>The channel failed: the probe, its guest or its file server is gone or stalled.</summary>
public class ProbeChannelException(string message) : Exception(message);

/// <summary>The probe answered, but refused the request.</summary>
public sealed class ProbeRequestException(string message) : ProbeChannelException(message);
