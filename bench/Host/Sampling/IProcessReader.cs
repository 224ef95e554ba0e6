using FsBench.Host.Providers;

namespace FsBench.Host.Sampling;

/// <summary>Reads one host process's open descriptors, RSS and CPU; null when it has gone (a gap in vmm.csv, never an error).</summary>
public interface IProcessReader
{
    Task<ProcSample?> ReadAsync(SampledProcess process, double tS, CancellationToken ct);

    /// <summary>This host's back end: /proc on Linux, ps and lsof on macOS.</summary>
    static IProcessReader ForThisHost() => OperatingSystem.IsLinux() ? new ProcReader() : new PsLsofReader();
}
