using System.Diagnostics;
using System.Text.Json;

namespace FsBench.Host.Study;

/// <summary>
/// A run's (or a soak's) own scratch directory, &lt;scratch root&gt;/&lt;run id&gt; (<see cref="Providers.ProviderContext.HostScratch"/>
/// puts every provider's share under it). The run claims it at its start with an owner file (its run id, the host process and
/// that process's start time) and removes it at its end. The next run removes what a killed one left: only directories
/// directly under the root whose owner file names the directory itself and a process that is gone; never anything else,
/// never a run still going, never following a symlink.
/// </summary>
public static class RunScratch
{
    public const string OwnerFile = ".fsbench-run.json";

    private sealed record Owner(string RunId, int Pid, DateTime ProcessStartUtc);
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Creates the run's scratch directory and its owner file (this process). A directory another live process owns is
    /// refused: two runs with the same id (the same --out folder name, e.g. two rehearsals' `study`) would measure in one
    /// directory and the first to end would remove the other's share.
    /// </summary>
    public static string Claim(string root, string runId)
    {
        string dir = Path.Combine(root, runId);
        if (ReadOwner(dir) is { } owner && !IsSelf(owner) && IsRunning(owner))
            throw new StudyException($"scratch {dir} belongs to run '{owner.RunId}' still going (process {owner.Pid}): give this run another --out folder name or --scratch");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, OwnerFile), JsonSerializer.Serialize(Self(runId), Json));
        return dir;
    }

    /// <summary>Removes the run's own scratch directory: only if its owner file names this run and this process.</summary>
    public static void Remove(string root, string runId)
    {
        string dir = Path.Combine(root, runId);
        if (ReadOwner(dir) is { } owner && owner.RunId == runId && IsSelf(owner)) ScratchTree.Remove(dir);
    }

    private static Owner Self(string runId)
    {
        using var self = Process.GetCurrentProcess();
        return new Owner(runId, self.Id, self.StartTime.ToUniversalTime());
    }

    private static bool IsSelf(Owner owner)
    {
        var self = Self(owner.RunId);
        return owner.Pid == self.Pid && Math.Abs((owner.ProcessStartUtc - self.ProcessStartUtc).TotalSeconds) < 2;
    }

    /// <summary>Removes the scratch directories of runs whose process is gone; returns them.</summary>
    public static IReadOnlyList<string> RemoveLeftovers(string root)
    {
        if (!Directory.Exists(root)) return [];
        var removed = new List<string>();
        foreach (var dir in new DirectoryInfo(root).EnumerateDirectories())
        {
            if (dir.LinkTarget is not null || ReadOwner(dir.FullName) is not { } owner || owner.RunId != dir.Name || IsRunning(owner)) continue;
            ScratchTree.Remove(dir.FullName);
            removed.Add(dir.FullName);
        }
        return removed;
    }

    private static Owner? ReadOwner(string dir)
    {
        string path = Path.Combine(dir, OwnerFile);
        try { return File.Exists(path) ? JsonSerializer.Deserialize<Owner>(File.ReadAllText(path), Json) : null; }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The owner's process is alive and is the same process (a PID can be reused: its start time must match).</summary>
    private static bool IsRunning(Owner owner)
    {
        try
        {
            using var p = Process.GetProcessById(owner.Pid);
            return !p.HasExited && Math.Abs((p.StartTime.ToUniversalTime() - owner.ProcessStartUtc).TotalSeconds) < 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { return false; }
    }
}

/// <summary>Removes a directory tree: symlinks are removed, never followed; a directory left mode 0 is opened first.</summary>
public static class ScratchTree
{
    public static void Remove(string dir)
    {
        var info = new DirectoryInfo(dir);
        if (!info.Exists || info.LinkTarget is not null) return;
        try
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var entry in info.EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo d && d.LinkTarget is null) Remove(d.FullName);
                else entry.Delete();
            }
            info.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"fsbench: could not remove all of {dir}: {e.Message}");
        }
    }
}
