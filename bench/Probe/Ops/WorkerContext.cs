using FsBench.Probe.Libc;
using FsBench.Probe.Recording;

namespace FsBench.Probe.Ops;

/// <summary>What one worker needs for one batch: its directory, its name prefix, its item count, and the paths its operation acts on.</summary>
public sealed class WorkerContext(string dir, string prefix, int count, string? lowerDir = null, string? lowerView = null) : IDisposable
{
    public string Dir { get; } = dir;
    /// <summary>For an overlay: a fresh directory in its lower layer, and the same directory seen through the overlay.</summary>
    public string? LowerDir { get; } = lowerDir;
    public string? LowerView { get; } = lowerView;
    public string Prefix { get; } = prefix;
    public int Count { get; } = count;
    /// <summary>For a cold op: the files the host made for this worker in the share (ProbeRequest.FixtureDir), absolute; else none.</summary>
    public string[] HostFiles { get; init; } = [];
    /// <summary>Failures of the untimed preparation, by errno (the batch's "prep" phase).</summary>
    public PrepTally Prep { get; set; } = new("");

    /// <summary>The path item i acts on: the entry it creates or removes, or the existing file it reads or changes.</summary>
    public EncodedPaths Targets { get; set; } = EncodedPaths.None;
    /// <summary>Item i's second path: rename's new name, link's new name (empty for one-path ops).</summary>
    public EncodedPaths NewNames { get; set; } = EncodedPaths.None;
    /// <summary>The one path every item shares: link's source, readdir's directory (empty when there is none).</summary>
    public EncodedPaths Shared { get; set; } = EncodedPaths.None;
    /// <summary>Entries made only for the fixture, never named by the timed call: readdir's listed files, copyup's lower-layer files.</summary>
    public EncodedPaths Fixtures { get; set; } = EncodedPaths.None;

    /// <summary>Absolute paths of this worker's items, named "{prefix}{tag}{i}".</summary>
    public string[] Paths(string tag)
    {
        var p = new string[Count];
        for (int i = 0; i < Count; i++) p[i] = $"{Dir}/{Prefix}{tag}{i}";
        return p;
    }

    /// <summary>Encoded paths of this worker's items, named "{prefix}{tag}{i}".</summary>
    public EncodedPaths Encoded(string tag) => new(Paths(tag));

    /// <summary>This worker's single shared path "{prefix}{tag}", encoded.</summary>
    public EncodedPaths One(string tag) => new([$"{Dir}/{Prefix}{tag}"]);

    /// <summary>The path a failure of item i is reported under.</summary>
    public string PathOf(int i) => i < Targets.Count ? Targets.Text(i) : Shared.Count > 0 ? Shared.Text(0) : Dir;

    public void Dispose()
    {
        Targets.Dispose();
        NewNames.Dispose();
        Shared.Dispose();
        Fixtures.Dispose();
    }
}
