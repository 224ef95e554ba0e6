namespace FsBench.Probe.KnownBugs;

/// <summary>
/// rm -rf of a directory of 5,000 entries: list, unlink each, list again until empty, rmdir. libkrun's directory
/// snapshot skipped entries while the directory shrank, so rm ended in ENOTEMPTY (libkrun#539/#541, fixed by #542;
/// A3S-Lab/Box#228 deletes 5,000 entries).
/// </summary>
public sealed class RmRfLargeDir(int entries = 5000) : KnownBugProbe("rm_rf_5000",
    $"one readdir pass over {entries} entries unlinking each, then rmdir, succeeds (libkrun#539/#541, A3S-Lab/Box#228)")
{
    private readonly int _entries = entries;

    /// <summary>
    /// Creating and removing 5,000 entries takes 10-20 s per run in an emulated guest (the request timeout is 60 s):
    /// one run per 50 requested, 1 to 5 (smoke and standard: 1; thorough: 5).
    /// </summary>
    public override int RunsFor(int requested) => Math.Clamp(requested / 50, 1, 5);

    public override string? Check(string dir)
    {
        string d = $"{dir}/tree";
        if (Native.Mkdir(d, 0x1ed) != 0) return $"mkdir: {Observe.Err()}";
        for (int i = 0; i < _entries; i++)
            if (Fs.CreateFile($"{d}/e{i:D4}") is int e and not 0) return $"create entry {i}: {ErrnoNames.Name(e)}";
        // as rm does: unlink entries while reading the directory, then rmdir once
        int removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(d))
            if (Native.Unlink(entry) == 0) removed++;
        if (Native.Rmdir(d) == 0) return null;
        string errno = Observe.Err();
        return removed < _entries ? $"{errno} (readdir showed {removed} of {_entries} entries)" : errno;
    }
}
