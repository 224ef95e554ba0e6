namespace FsBench.Host.Providers.Faults;

/// <summary>
/// What a provider can do to itself for the reliability scenarios, from the host process, against what its StartAsync
/// left running (it reads PIDs and sockets from the run's state). <see cref="Supported"/> declares each fault it can
/// inject and how; <see cref="WhyNot"/> says why another cannot be (or why a declared one cannot here, now).
/// Starting an unsupported fault throws <see cref="NotSupportedException"/> with that reason.
/// </summary>
public interface IFaultInjector
{
    /// <summary>Each fault this provider can inject, with how it does it (for the manifest and the memo).</summary>
    IReadOnlyDictionary<Fault, string> Supported { get; }

    /// <summary>Null when the fault can be injected here; otherwise a one-line reason.</summary>
    string? WhyNot(Fault fault);

    /// <summary>Injects the fault; <paramref name="duration"/> is how long it will last (a host sleep schedules its wake with it).</summary>
    Task StartAsync(Fault fault, TimeSpan? duration, CancellationToken ct);

    /// <summary>Lifts a fault that lasts (nothing for a kill or a sleep, which ends on its own).</summary>
    Task EndAsync(Fault fault, CancellationToken ct);
}

/// <summary>A provider that can inject nothing: every fault is not applied, with the reason.</summary>
public sealed class NoFaults(string reason) : IFaultInjector
{
    public IReadOnlyDictionary<Fault, string> Supported { get; } = new Dictionary<Fault, string>();
    public string? WhyNot(Fault fault) => reason;
    public Task StartAsync(Fault fault, TimeSpan? duration, CancellationToken ct) => throw new NotSupportedException(reason);
    public Task EndAsync(Fault fault, CancellationToken ct) => Task.CompletedTask;
}
