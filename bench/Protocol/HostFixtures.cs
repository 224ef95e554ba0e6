namespace FsBench.Protocol;

/// <summary>
/// The files the host makes for a batch of a cold op (<see cref="OpNeeds.HostFixtures"/>), declared once: the host
/// creates them under <see cref="ProbeRequest.FixtureDir"/> by these names, the probe's workers find them by the same.
/// </summary>
public static class HostFixtures
{
    /// <summary>The attribute getxattr_cold reads, and the four listxattr_cold lists (as the hot ops' fixtures carry).</summary>
    public const string GetXattrName = "user.fsbench";
    public static readonly string[] ListXattrNames = ["user.fsbench.a", "user.fsbench.b", "user.fsbench.c", "user.fsbench.d"];
    public const string XattrValue = "fsbench-value-16";

    /// <summary>How many of a batch's <paramref name="count"/> items worker <paramref name="k"/> of <paramref name="workers"/> does.</summary>
    public static int ItemsOf(int count, int workers, int k) => count / workers + (k < count % workers ? 1 : 0);

    /// <summary>Item <paramref name="i"/> of worker <paramref name="k"/>, relative to the fixture directory: a directory per worker
    /// in the private layout, one directory for all in the shared one (as the hot ops' workers).</summary>
    public static string RelativePath(string layout, int k, int i) =>
        layout == Layouts.Shared ? $"shared/w{k}-f{i}" : $"w{k}/f{i}";

    /// <summary>The directories to make before the files, relative to the fixture directory.</summary>
    public static IEnumerable<string> Directories(string layout, int workers) =>
        layout == Layouts.Shared ? ["shared"] : Enumerable.Range(0, workers).Select(k => $"w{k}");

    /// <summary>Every file of a batch, relative to the fixture directory.</summary>
    public static IEnumerable<string> Files(string layout, int count, int workers) =>
        Enumerable.Range(0, workers).SelectMany(k => Enumerable.Range(0, ItemsOf(count, workers, k)).Select(i => RelativePath(layout, k, i)));
}
