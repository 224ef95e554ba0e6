namespace FsBench.Host.Providers;

/// <summary>The faults a provider can inflict on itself for the reliability scenarios.</summary>
[Flags]
public enum FaultKind
{
    None = 0,
    /// <summary>
    /// Pause the whole VM through the provider's own means, then resume it (QEMU: QMP stop/cont, which stops
    /// the guest's clocks too, so in-guest latencies do not show the pause; vfkit: REST Pause; krunkit: SIGSTOP).
    /// </summary>
    PauseVm = 1,
    /// <summary>Freeze the shared-filesystem server (SIGSTOP of every one of its processes); then resume it.</summary>
    StallServer = 2,
    /// <summary>Kill the shared-filesystem server: the guest's mount loses its backend.</summary>
    KillServer = 4,
    /// <summary>
    /// Freeze the VMM process (SIGSTOP/SIGCONT), as krunkit's only pause: the guest's clocks keep running, so
    /// the gap shows as in-guest latency, like a host sleep the guest catches up on.
    /// </summary>
    FreezeVm = 8,
}

/// <summary>
/// What a provider can do to itself for reliability scenarios. Works from the host process, against
/// what the provider's StartAsync left running (it reads PIDs and sockets from the run's state).
/// Calling a fault the provider does not declare in <see cref="Supported"/> throws <see cref="NotSupportedException"/>.
/// </summary>
public interface IFaultInjector
{
    FaultKind Supported { get; }
    bool Supports(FaultKind kind) => (Supported & kind) == kind;

    Task PauseVmAsync(CancellationToken ct);
    Task ResumeVmAsync(CancellationToken ct);
    Task FreezeVmAsync(CancellationToken ct) => throw new NotSupportedException($"{GetType().Name} cannot freeze its VMM process");
    Task ThawVmAsync(CancellationToken ct) => throw new NotSupportedException($"{GetType().Name} cannot freeze its VMM process");
    Task StallServerAsync(CancellationToken ct);
    Task ResumeServerAsync(CancellationToken ct);
    Task KillServerAsync(CancellationToken ct);
}
