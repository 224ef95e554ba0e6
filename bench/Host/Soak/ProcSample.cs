using System.Globalization;

namespace FsBench.Host.Soak;

/// <summary>One look at a host process: a row of vmm.csv (<see cref="VmmRow"/>).</summary>
public sealed record ProcSample(double TS, DateTime Utc, string Role, int Pid, int OpenFds, long RssKiB, double CpuPercent)
{
    public VmmRow ToRow() => new()
    {
        TS = Math.Round(TS, 3), Utc = Utc.ToString("o"), Role = Role, Pid = Pid, OpenFds = OpenFds, RssKiB = RssKiB,
        CpuPercent = Math.Round(CpuPercent, 1),
    };
}

/// <summary>
/// Reads a process's open descriptors, RSS and CPU from /proc (Linux): /proc/PID/fd entries, VmRSS of
/// /proc/PID/status, and utime+stime of /proc/PID/stat between two samples (CPU % of one core).
/// </summary>
public sealed class ProcReader
{
    private const double ClockTicks = 100;   // USER_HZ: 100 on every Linux the study runs on
    private readonly Dictionary<int, (double TS, long Ticks)> _last = new();

    public ProcSample? Read(string role, int pid, double tS)
    {
        try
        {
            string status = File.ReadAllText($"/proc/{pid}/status");
            if (IsZombie(status)) return null;   // it has ended; its parent has not reaped it yet
            int fds = Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;
            long rss = ParseRssKiB(status);
            long ticks = ParseCpuTicks(File.ReadAllText($"/proc/{pid}/stat"));
            double cpu = 0;
            if (_last.TryGetValue(pid, out var prev) && tS > prev.TS) cpu = (ticks - prev.Ticks) / ClockTicks / (tS - prev.TS) * 100;
            _last[pid] = (tS, ticks);
            return new ProcSample(tS, DateTime.UtcNow, role, pid, fds, rss, Math.Round(cpu, 1));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;   // the process has gone: a gap in vmm.csv
        }
    }

    public static bool IsZombie(string status) =>
        status.Split('\n').FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal))?.Contains('Z') == true;

    public static long ParseRssKiB(string status)
    {
        var line = status.Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>utime + stime (fields 14 and 15) of /proc/PID/stat; the command name in parentheses may hold spaces.</summary>
    public static long ParseCpuTicks(string stat)
    {
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
    }
}
