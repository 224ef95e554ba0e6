namespace FsBench.Probe.KnownBugs;

/// <summary>An entry is visible in readdir right after it is created (a stale directory cache hides it).</summary>
public sealed class ReaddirAfterCreate() : KnownBugProbe("readdir_after_create",
    "a file appears in its directory's listing right after creation")
{
    public override string? Check(string dir)
    {
        string f = $"{dir}/fresh-{Environment.TickCount64}";
        if (Fs.CreateFile(f) is int e and not 0) return $"create: {ErrnoNames.Name(e)}";
        try
        {
            return Directory.EnumerateFileSystemEntries(dir).Contains(f) ? null : "created file missing from readdir";
        }
        catch (IOException ex) { return $"readdir: {ex.Message}"; }
    }
}
