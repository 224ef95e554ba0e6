using FsBench.Host.Providers;

namespace FsBench.Host.Soak;

/// <summary>
/// The fault injection a provider offers the soak: its <see cref="IFaultInjector"/> (QEMU guests, podman machines),
/// or nothing, with the reason, for the others.
/// </summary>
public static class SoakFaults
{
    public static ISoakFaults For(IProvider provider, ProviderContext ctx) => provider switch
    {
        Providers.Qemu.QemuProvider q => new InjectorFaults(provider.Name, q.Faults(ctx)),
        Providers.Machine.PodmanMachineProvider m => new InjectorFaults(provider.Name, m.Faults(ctx)),
        _ => new NoFaults($"{provider.Name} has no fault injector (QEMU guests and podman machines have one)"),
    };
}

/// <summary>The soak's three fault types on a provider's injector: pause = PauseVm, stall = StallServer, kill = KillServer.</summary>
public sealed class InjectorFaults(string provider, IFaultInjector injector) : ISoakFaults
{
    public static FaultKind KindOf(FaultType t) => t switch
    {
        FaultType.Pause => FaultKind.PauseVm,
        FaultType.Stall => FaultKind.StallServer,
        _ => FaultKind.KillServer,
    };

    public string? WhyNot(FaultType type) =>
        injector.Supports(KindOf(type)) ? null : $"{provider} cannot inject {KindOf(type)} (it offers {injector.Supported})";

    public Task StartAsync(FaultType type, CancellationToken ct) => type switch
    {
        FaultType.Pause => injector.PauseVmAsync(ct),
        FaultType.Stall => injector.StallServerAsync(ct),
        _ => injector.KillServerAsync(ct),
    };

    public Task EndAsync(FaultType type, CancellationToken ct) => type switch
    {
        FaultType.Pause => injector.ResumeVmAsync(ct),
        FaultType.Stall => injector.ResumeServerAsync(ct),
        _ => Task.CompletedTask,
    };
}
