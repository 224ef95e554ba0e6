namespace FsBench.Host.Study;

/// <summary>
/// Where the scratch root is by default, and what filesystem holds a scratch directory (for the manifest).
/// On Linux the default is tmpfs (/dev/shm): the shares and local's baseline then sit in memory, and a writer on the
/// host's disk cannot shift one run's ratios (a write-and-fsync load on the root disk made local's mkdir, create and
/// symlink 1.1-1.5 ms for minutes after, against 6-10 us on tmpfs: results/20261207-044930-vm-aa2/NOTES.md).
/// Elsewhere (macOS: the podman machines share the host's directories; a /dev/shm under 1 GiB free) it stays /var/tmp/fsbench.
/// </summary>
public static class ScratchPlace
{
    public const string TmpfsRoot = "/dev/shm/fsbench";
    public const string DiskRoot = "/var/tmp/fsbench";
    public const string WhyDefault = "by default on tmpfs on Linux, so no writer on the host's disk moves the ratios";

    /// <summary>The free space /dev/shm must have to be the default (a container's is often 64 MiB): a run's scratch holds at most a
    /// few hundred MiB (a workload's cloned repository or extracted tree, a batch's files).</summary>
    public const long TmpfsMinFreeBytes = 1L << 30;

    public static string DefaultRoot() => TmpfsUsable("/dev/shm") ? TmpfsRoot : DiskRoot;

    private static bool TmpfsUsable(string dir)
    {
        if (!OperatingSystem.IsLinux() || FilesystemOf(dir)?.Type != "tmpfs") return false;
        try { return new DriveInfo(dir).AvailableFreeSpace >= TmpfsMinFreeBytes; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return false; }
    }

    /// <summary>A mount of /proc/mounts: its device, mount point, type and options.</summary>
    public sealed record Mount(string Device, string Point, string Type, string Options)
    {
        /// <summary>"tmpfs on /dev/shm (rw,relatime,size=...)": the manifest's scratch_fs.</summary>
        public override string ToString() => $"{Type} on {Point} ({Options})";
    }

    /// <summary>The mount holding <paramref name="path"/> (the longest mount point above it); null for no path, or where /proc/mounts is not.</summary>
    public static Mount? FilesystemOf(string path) =>
        path.Length > 0 && File.Exists("/proc/mounts") ? FilesystemOf(path, File.ReadAllLines("/proc/mounts")) : null;

    public static Mount? FilesystemOf(string path, IEnumerable<string> procMounts)
    {
        if (path.Length == 0) return null;
        string full = Path.GetFullPath(path);
        Mount? best = null;
        foreach (var line in procMounts)
        {
            var f = line.Split(' ');
            if (f.Length < 4) continue;
            var m = new Mount(f[0], Unescape(f[1]), f[2], f[3]);
            bool above = m.Point == "/" || full == m.Point || full.StartsWith(m.Point + "/", StringComparison.Ordinal);
            if (above && (best is null || m.Point.Length >= best.Point.Length)) best = m;   // later lines mount over earlier ones
        }
        return best;
    }

    /// <summary>/proc/mounts writes a space as \040, a tab \011, a newline \012, a backslash \134.</summary>
    private static string Unescape(string s) => s.Replace("\\040", " ").Replace("\\011", "\t").Replace("\\012", "\n").Replace("\\134", "\\");
}
