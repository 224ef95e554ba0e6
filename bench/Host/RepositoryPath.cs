namespace FsBench.Host;

/// <summary>
/// A file or folder of the repository the host was built in (bench/guest/build-guest.sh, bench/workloads/traces...),
/// found in the nearest folder with run-bench.sh, walking up from the host's binaries, then from the working directory, so a run works from any directory.
/// </summary>
public static class RepositoryPath
{
    /// <summary>The full path of <paramref name="relative"/> (a file or a folder), or null when no ancestor has it.</summary>
    public static string? Find(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string p = Path.Combine(d.FullName, relative);
                if ((File.Exists(p) || Directory.Exists(p)) && File.Exists(Path.Combine(d.FullName, "run-bench.sh"))) return p;
            }
        return null;
    }
}
