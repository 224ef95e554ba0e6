namespace FsBench.Host.Sampling;

/// <summary>One look at a host process: a row of vmm.csv (<see cref="VmmRow"/>).</summary>
public sealed record ProcSample(double TS, DateTime Utc, string Role, int Pid, int OpenFds, long RssKiB, double CpuPercent)
{
    public VmmRow ToRow() => new()
    {
        TS = Math.Round(TS, 3), Utc = Utc.ToString("o"), Role = Role, Pid = Pid, OpenFds = OpenFds, RssKiB = RssKiB,
        CpuPercent = Math.Round(CpuPercent, 1),
    };
}
