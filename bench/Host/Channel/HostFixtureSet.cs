using FsBench.Protocol;

namespace FsBench.Host.Channel;

/// <summary>
/// One batch's files for a cold op (<see cref="OpNeeds.HostFixtures"/>), made by the host directly in the share just before
/// the batch: a fresh directory (a name never used before, so the guest cannot hold a cache of anything in it), the files
/// named by <see cref="HostFixtures"/>, with the op's user.* attributes. Untimed. A file or attribute that cannot be made is
/// counted by errno (the batch's prep phase, as "host:ERRNO") and the batch goes on. Dispose removes the directory: only
/// it, only inside the share, never following a symlink.
/// </summary>
public sealed class HostFixtureSet : IDisposable
{
    private static int _made;
    private static readonly string Nonce = Random.Shared.Next(0x10000, 0xfffff).ToString("x");
    private readonly string _hostDir;
    private readonly string _shareDir;

    /// <summary>The directory as the probe sees it, relative to its scratch root (<see cref="ProbeRequest.FixtureDir"/>).</summary>
    public string ProbeDir { get; }
    /// <summary>Files and attributes that could not be made, by errno name.</summary>
    public Dictionary<string, long> Failures { get; } = [];
    public long FailureCount => Failures.Values.Sum();

    private HostFixtureSet(string shareDir, string hostDir, string probeDir) => (_shareDir, _hostDir, ProbeDir) = (shareDir, hostDir, probeDir);

    /// <param name="hostShareDir">The host directory the session sees as <paramref name="batchDir"/> (<c>IProvider.HostShareDir</c>).</param>
    public static HostFixtureSet Make(string hostShareDir, string batchDir, OpInfo op, int count, int workers, string layout)
    {
        string name = $"cold-{Environment.ProcessId}-{Nonce}-{Interlocked.Increment(ref _made)}";
        var set = new HostFixtureSet(hostShareDir, Path.Combine(hostShareDir, name), batchDir == "." ? name : $"{batchDir}/{name}");
        Directory.CreateDirectory(set._hostDir);
        foreach (var dir in HostFixtures.Directories(layout, workers)) Directory.CreateDirectory(Path.Combine(set._hostDir, dir));
        foreach (var file in HostFixtures.Files(layout, count, workers))
        {
            string path = Path.Combine(set._hostDir, file);
            if (set.Note(HostFileCalls.CreateFile(path))) continue;
            foreach (var xattr in op.FixtureXattrs) set.Note(HostFileCalls.SetXattr(path, xattr, HostFixtures.XattrValue));
        }
        return set;
    }

    /// <summary>True when the call failed (and is counted).</summary>
    private bool Note(int errno)
    {
        if (errno == 0) return false;
        string key = $"host:{HostFileCalls.ErrnoName(errno)}";
        Failures[key] = Failures.GetValueOrDefault(key) + 1;
        return true;
    }

    /// <summary>Adds the host's preparation failures to the batch's prep phase.</summary>
    public BatchResult AddTo(BatchResult batch)
    {
        foreach (var (errno, n) in Failures) batch.PrepErrnos[errno] = batch.PrepErrnos.GetValueOrDefault(errno) + n;
        batch.PrepFailures += FailureCount;
        return batch;
    }

    public void Dispose()
    {
        var dir = new DirectoryInfo(_hostDir);
        if (!dir.Exists || dir.LinkTarget is not null || Path.GetDirectoryName(dir.FullName) != Path.GetFullPath(_shareDir).TrimEnd('/')) return;
        try { dir.Delete(recursive: true); }   // .NET removes a symlink inside, never its target
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the run's scratch goes at its end */ }
    }
}
