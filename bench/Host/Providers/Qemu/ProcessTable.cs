namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// The processes the QEMU providers started, found and signalled by PID. A process is ours only if its
/// command line holds one of our own state paths (a socket under the run's state dir), so nothing else is touched.
/// </summary>
public static class ProcessTable
{
    public const int SigKill = 9, SigTerm = 15, SigCont = 18, SigStop = 19;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    public static bool Signal(int pid, int signal) => pid > 1 && kill(pid, signal) == 0;

    public static bool IsAlive(int pid)
    {
        if (pid <= 1 || !Directory.Exists($"/proc/{pid}")) return false;
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(") ", StringComparison.Ordinal) + 2] != 'Z';   // a zombie has ended
        }
        catch (IOException) { return false; }
    }

    public static string[] CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    /// <summary>Live processes with an argument containing <paramref name="ownPath"/> (a path only we use).</summary>
    public static List<int> WithArgumentContaining(string ownPath)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId) continue;
            if (CommandLine(pid).Any(a => a.Contains(ownPath, StringComparison.Ordinal)) && IsAlive(pid)) pids.Add(pid);
        }
        return pids;
    }

    /// <summary>The direct children of a process (virtiofsd's sandboxed worker is the child of its monitor).</summary>
    public static List<int> Children(int pid)
    {
        var children = new List<int>();
        if (!Directory.Exists($"/proc/{pid}/task")) return children;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                foreach (var c in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (int.TryParse(c, out int child)) children.Add(child);
            }
            catch (IOException) { }
        }
        return children;
    }

    /// <summary>SIGTERM, a grace period, then SIGKILL; returns when every PID is gone (or after the grace periods).</summary>
    public static async Task EndAsync(IEnumerable<int> pids, TimeSpan grace)
    {
        var live = pids.Distinct().Where(IsAlive).ToList();
        foreach (var pid in live) Signal(pid, SigCont);   // a stopped process cannot act on SIGTERM
        foreach (var pid in live) Signal(pid, SigTerm);
        if (await WaitGoneAsync(live, grace)) return;
        foreach (var pid in live.Where(IsAlive)) Signal(pid, SigKill);
        await WaitGoneAsync(live, TimeSpan.FromSeconds(5));
    }

    public static async Task<bool> WaitGoneAsync(IReadOnlyCollection<int> pids, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (pids.Any(IsAlive))
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
