using System.Globalization;

namespace FsBench.Host.Providers.Machine;

/// <summary>One look at a VMM process from the host: open file descriptors, resident memory and CPU.</summary>
public sealed record VmmSample(DateTime Utc, int Pid, string Process, int OpenFds, long RssKiB, double CpuPercent)
{
    public const string CsvHeader = "utc,pid,process,open_fds,rss_kib,cpu_percent";
    public string ToCsv() => string.Join(',', Utc.ToString("o"), Pid, Process, OpenFds, RssKiB, CpuPercent.ToString("0.0", CultureInfo.InvariantCulture));
}

/// <summary>
/// Samples the VMM processes (vfkit and Apple's VM service for applehv, krunkit for libkrun): the study's
/// failure catalogue has AVF's VM process piling up host file descriptors until ENFILE.
/// `lsof -p PID -Ff` gives one `f` line per open file; the numeric ones are descriptors (cwd, txt, mem are not).
/// `ps -o rss=,%cpu= -p PID` gives the resident size in KiB and the CPU share.
/// </summary>
public static class VmmSampler
{
    public static List<string> LsofArgs(int pid) => ["-n", "-P", "-p", pid.ToString(CultureInfo.InvariantCulture), "-Ff"];
    public static List<string> PsArgs(int pid) => ["-o", "rss=,%cpu=", "-p", pid.ToString(CultureInfo.InvariantCulture)];

    public static int CountDescriptors(string lsofFieldOutput) =>
        lsofFieldOutput.Split('\n').Count(l => l.Length > 1 && l[0] == 'f' && l[1..].Trim().All(char.IsAsciiDigit));

    public static (long RssKiB, double CpuPercent)? ParseRssCpu(string psOutput)
    {
        var f = psOutput.Trim().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return f.Length >= 2 && long.TryParse(f[0], out long rss)
               && double.TryParse(f[1].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out double cpu)
            ? (rss, cpu) : null;
    }

    public static async Task<VmmSample?> SampleAsync(ProcessEntry p, CancellationToken ct)
    {
        var ps = await Tool.RunAsync("ps", PsArgs(p.Pid), ct, TimeSpan.FromSeconds(10));
        if (!ps.IsSuccess || ParseRssCpu(ps.StandardOutput) is not { } rc) return null;   // the process has gone
        var lsof = await Tool.RunAsync("lsof", LsofArgs(p.Pid), ct, TimeSpan.FromSeconds(60));
        int fds = lsof.StandardOutput.Length > 0 ? CountDescriptors(lsof.StandardOutput) : -1;   // -1: lsof could not see it
        return new VmmSample(DateTime.UtcNow, p.Pid, p.Executable, fds, rc.RssKiB, rc.CpuPercent);
    }
}
