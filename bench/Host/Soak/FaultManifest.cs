using FsBench.Host.Providers.Faults;
using FsBench.Host.Study;

namespace FsBench.Host.Soak;

/// <summary>The manifest of a `fault` command's run folder (<see cref="FaultRunManifest"/>): what was injected into which run, and its window.</summary>
public static class FaultManifest
{
    public static async Task<FaultRunManifest> NewAsync(string runId, string provider, Fault fault, TimeSpan? duration, string mechanism, string? targetRun) => new()
    {
        RunId = runId,
        Status = RunStatus.Running,
        StartedUtc = DateTimeOffset.UtcNow,
        Provider = provider,
        Fault = new FaultInfo { Kind = fault.Name(), ForS = duration?.TotalSeconds, Mechanism = mechanism },
        TargetRun = targetRun,
        Host = HostFacts.Host(),
        Git = await HostFacts.GitAsync(AppContext.BaseDirectory),
    };

    public static void Finish(FaultRunManifest manifest, FaultRunner runner, bool interrupted)
    {
        manifest.Status = runner.Windows.Count == 1 && runner.Windows[0].EndUtc is not null && !interrupted ? RunStatus.Complete : RunStatus.Partial;
        manifest.EndedUtc = DateTimeOffset.UtcNow;
        manifest.FaultsApplied = [.. runner.Windows.Select(AppliedFaults.Of)];
    }
}

public static class AppliedFaults
{
    public static FaultWindowInfo Of(FaultWindow w) => new()
    {
        Fault = w.Fault, Kind = w.Kind, StartS = w.StartS, EndS = w.EndS, StartUtc = w.StartUtc, EndUtc = w.EndUtc,
    };
}
