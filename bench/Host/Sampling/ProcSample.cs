using System.Globalization;

namespace FsBench.Host.Sampling;

/// <summary>One look at a host process: a row of vmm.csv.</summary>
public sealed record ProcSample(double TS, DateTime Utc, string Role, int Pid, int OpenFds, long RssKiB, double CpuPercent)
{
    public const string CsvHeader = "t_s,utc,role,pid,open_fds,rss_kib,cpu_percent";

    public string ToCsv() => string.Join(',', TS.ToString("0.000", CultureInfo.InvariantCulture), Utc.ToString("o"), Role,
        Pid.ToString(CultureInfo.InvariantCulture), OpenFds.ToString(CultureInfo.InvariantCulture), RssKiB.ToString(CultureInfo.InvariantCulture),
        CpuPercent.ToString("0.0", CultureInfo.InvariantCulture));
}
