namespace FsBench.Host.Soak;

/// <summary>
/// What the soak needs from a provider to inject faults: whether a kind is possible here (null) or why not, and
/// how to start and lift it. Adapted from the provider's IFaultInjector where it has one (<see cref="SoakFaults"/>).
/// </summary>
public interface ISoakFaults
{
    string? WhyNot(FaultType kind);
    Task StartAsync(FaultType kind, CancellationToken ct);
    /// <summary>Lifts a pause or a stall (a kill cannot be lifted).</summary>
    Task EndAsync(FaultType kind, CancellationToken ct);
}

/// <summary>A provider that can inject nothing: every fault is reported as not applied, with the reason.</summary>
public sealed class NoFaults(string reason) : ISoakFaults
{
    public string? WhyNot(FaultType kind) => reason;
    public Task StartAsync(FaultType kind, CancellationToken ct) => throw new InvalidOperationException(reason);
    public Task EndAsync(FaultType kind, CancellationToken ct) => Task.CompletedTask;
}
