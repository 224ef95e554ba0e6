namespace FsBench.Host.Providers.Faults;

/// <summary>
/// The one fault vocabulary of `soak --faults` and `fault --kind`. Each provider declares which it can inject, and how
/// (<see cref="IFaultInjector.Supported"/>); a fault the provider cannot inject is recorded as not applied.
/// </summary>
public enum Fault
{
    /// <summary>The whole VM through its VMM's own means, then resumed (QEMU: QMP stop/cont; vfkit: REST Pause). The guest's clocks stop too.</summary>
    Pause,
    /// <summary>The VMM process frozen (SIGSTOP/SIGCONT): the guest's clocks run on, so the gap shows in-guest, like a short host sleep.</summary>
    Freeze,
    /// <summary>The file server alone frozen (SIGSTOP/SIGCONT of every one of its processes): the guest's requests wait.</summary>
    Stall,
    /// <summary>The file server killed: the guest's mount loses its backend until the provider restarts. Instantaneous.</summary>
    Kill,
    /// <summary>A real host sleep (macOS pmset, opt-in): fires the power notifications and jumps the clock.</summary>
    Sleep,
}

public static class FaultNames
{
    public static readonly Fault[] All = Enum.GetValues<Fault>();

    /// <summary>"pause", "freeze", ...: the name on the command line and in events.csv.</summary>
    public static string Name(this Fault fault) => fault.ToString().ToLowerInvariant();

    /// <summary>A kill happens at an instant; every other fault lasts a given time and is then lifted.</summary>
    public static bool Lasts(this Fault fault) => fault != Fault.Kill;

    public static Fault? Parse(string text) => All.Cast<Fault?>().FirstOrDefault(f => f!.Value.Name() == text);

    public static string List => string.Join("|", All.Select(Name));
}
