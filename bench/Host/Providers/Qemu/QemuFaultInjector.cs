namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Faults on a running QEMU guest, from its state directory: QMP stop/cont pauses the VM (guest clocks stop
/// too); SIGSTOP/SIGCONT of QEMU freezes it (guest clocks run on: the gap shows in-guest); SIGSTOP/SIGCONT of
/// both virtiofsd processes stalls the virtio-fs server; SIGKILL of both kills it. The 9p server lives inside
/// QEMU: stalling it is freezing the VM, so 9p offers PauseVm and FreezeVm only.
/// </summary>
public sealed class QemuFaultInjector(QemuTransport transport, QemuState state) : IFaultInjector
{
    public FaultKind Supported => transport.IsVirtioFs
        ? FaultKind.PauseVm | FaultKind.FreezeVm | FaultKind.StallServer | FaultKind.KillServer
        : FaultKind.PauseVm | FaultKind.FreezeVm;

    public async Task PauseVmAsync(CancellationToken ct)
    {
        await using var qmp = await QmpClient.ConnectAsync(state.QmpSocket, ct);
        await qmp.StopAsync(ct);
    }

    public async Task ResumeVmAsync(CancellationToken ct)
    {
        await using var qmp = await QmpClient.ConnectAsync(state.QmpSocket, ct);
        await qmp.ContAsync(ct);
    }

    public Task FreezeVmAsync(CancellationToken ct) => Signal(FaultKind.FreezeVm, QemuVm.Pids(state), ProcessTable.SigStop);
    public Task ThawVmAsync(CancellationToken ct) => Signal(FaultKind.FreezeVm, QemuVm.Pids(state), ProcessTable.SigCont);
    public Task StallServerAsync(CancellationToken ct) => Signal(FaultKind.StallServer, ServerPids(), ProcessTable.SigStop);
    public Task ResumeServerAsync(CancellationToken ct) => Signal(FaultKind.StallServer, ServerPids(), ProcessTable.SigCont);
    public Task KillServerAsync(CancellationToken ct) => Signal(FaultKind.KillServer, ServerPids(), ProcessTable.SigKill);

    /// <summary>virtiofsd's monitor and its sandboxed worker (empty for 9p: its server is QEMU).</summary>
    public List<int> ServerPids() => transport.IsVirtioFs ? VirtiofsdProcess.Pids(state) : [];

    private Task Signal(FaultKind kind, List<int> pids, int signal)
    {
        Require(kind);
        if (pids.Count == 0) throw new InvalidOperationException($"{transport.ProviderName}: no process to signal for {kind} (state {state.Dir})");
        foreach (var pid in pids) ProcessTable.Signal(pid, signal);
        return Task.CompletedTask;
    }

    private void Require(FaultKind kind)
    {
        if ((Supported & kind) != kind) throw new NotSupportedException($"{transport.ProviderName} cannot inject {kind}");
    }
}
