using System.Globalization;
using FsBench.Host.Providers;

namespace FsBench.Host.Sampling;

/// <summary>
/// The macOS back end (no /proc): `ps -o rss=,%cpu= -p PID` gives the resident size in KiB and the CPU share;
/// `lsof -n -P -p PID -Ff` one `f` line per open file, of which the numeric ones are descriptors (cwd, txt, mem are not).
/// The study's failure catalogue has AVF's VM process piling up host file descriptors until ENFILE.
/// </summary>
public sealed class PsLsofReader : IProcessReader
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

    public async Task<ProcSample?> ReadAsync(SampledProcess process, double tS, CancellationToken ct)
    {
        var ps = await Tool.RunAsync("ps", PsArgs(process.Pid), ct, TimeSpan.FromSeconds(10));
        if (!ps.IsSuccess || ParseRssCpu(ps.StandardOutput) is not { } rc) return null;   // the process has gone
        var lsof = await Tool.RunAsync("lsof", LsofArgs(process.Pid), ct, TimeSpan.FromSeconds(60));
        int fds = lsof.StandardOutput.Length > 0 ? CountDescriptors(lsof.StandardOutput) : -1;   // -1: lsof could not see it
        return new ProcSample(tS, DateTime.UtcNow, process.Role, process.Pid, fds, rc.RssKiB, rc.CpuPercent);
    }
}
