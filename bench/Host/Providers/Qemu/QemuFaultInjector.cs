using FsBench.Host.Providers.Faults;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Faults on a running QEMU guest, from its state directory: pause (QMP stop/cont: the guest's clocks stop too),
/// freeze (SIGSTOP/SIGCONT of QEMU: the guest's clocks run on), stall (SIGSTOP/SIGCONT of both virtiofsd processes),
/// kill (SIGKILL of both). The 9p server lives inside QEMU: stalling it is freezing the VM, so 9p offers pause and freeze only.
/// </summary>
/// With a fault model in virtiofsd, the injector also tells the model when the VM stops (SIGUSR1) and runs again (SIGUSR2):
/// AVF's server lives in the VM's process and sees that itself; the model's post-freeze window needs it.
public sealed class QemuFaultInjector(QemuTransport transport, QemuState state, bool tellsFaultModel = false) : IFaultInjector
{
    private const int SigUsr1 = 10, SigUsr2 = 12;

    public IReadOnlyDictionary<Fault, string> Supported { get; } = Declare(transport);

    private static Dictionary<Fault, string> Declare(QemuTransport transport)
    {
        var d = new Dictionary<Fault, string>
        {
            [Fault.Pause] = "QMP stop, then cont (the guest's clocks stop with its vCPUs)",
            [Fault.Freeze] = "SIGSTOP, then SIGCONT of QEMU (the guest's clocks run on)",
        };
        if (!transport.IsVirtioFs) return d;
        d[Fault.Stall] = "SIGSTOP, then SIGCONT of both virtiofsd processes (monitor and sandboxed worker)";
        d[Fault.Kill] = "SIGKILL of both virtiofsd processes";
        return d;
    }

    public string? WhyNot(Fault fault) => Supported.ContainsKey(fault) ? null : fault switch
    {
        Fault.Sleep => "a host sleep is a macOS test (pmset): this host runs the guests",
        _ => $"its file server is QEMU itself (virtio-9p): to {fault.Name()} it is to freeze the VM",
    };

    public async Task StartAsync(Fault fault, TimeSpan? duration, CancellationToken ct)
    {
        Require(fault);
        if (fault == Fault.Pause) await QmpAsync(q => q.StopAsync(ct), ct);
        else Signal(fault, fault == Fault.Kill ? ProcessTable.SigKill : ProcessTable.SigStop);
        if (fault == Fault.Pause || fault == Fault.Freeze) TellModel(SigUsr1);
    }

    public async Task EndAsync(Fault fault, CancellationToken ct)
    {
        Require(fault);
        if (fault == Fault.Pause) await QmpAsync(q => q.ContAsync(ct), ct);
        else if (fault != Fault.Kill) Signal(fault, ProcessTable.SigCont);
        if (fault == Fault.Pause || fault == Fault.Freeze) TellModel(SigUsr2);
    }

    /// <summary>Only a virtiofsd with the model's library handles these signals (without it SIGUSR1 would end it).</summary>
    private void TellModel(int signal)
    {
        if (!tellsFaultModel) return;
        foreach (var pid in ServerPids()) ProcessTable.Signal(pid, signal);
    }

    /// <summary>virtiofsd's monitor and its sandboxed worker (empty for 9p: its server is QEMU).</summary>
    public List<int> ServerPids() => transport.IsVirtioFs ? VirtiofsdProcess.Pids(state) : [];

    private async Task QmpAsync(Func<QmpClient, Task> command, CancellationToken ct)
    {
        await using var qmp = await QmpClient.ConnectAsync(state.QmpSocket, ct);
        await command(qmp);
    }

    private void Signal(Fault fault, int signal)
    {
        var pids = fault == Fault.Freeze ? QemuVm.Pids(state) : ServerPids();
        if (pids.Count == 0) throw new InvalidOperationException($"{transport.ProviderName}: no process to signal for {fault.Name()} (state {state.Dir})");
        foreach (var pid in pids) ProcessTable.Signal(pid, signal);
    }

    private void Require(Fault fault)
    {
        if (WhyNot(fault) is { } why) throw new NotSupportedException(why);
    }
}
