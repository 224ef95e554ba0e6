namespace FsBench.Host.Providers.Machine;

/// <summary>
/// Faults on a running podman machine, found from the host's process table.
/// applehv: vfkit's REST API pauses and resumes the VM (<see cref="FaultKind.PauseVm"/>); freezing it is SIGSTOP of
/// Apple's per-VM service process, which holds the vCPUs and the virtio-fs server (SIGSTOP of vfkit would not
/// freeze them). libkrun: krunkit answers 400 to a REST Pause (src/status/unix.rs), so only
/// <see cref="FaultKind.FreezeVm"/>: SIGSTOP of krunkit, which holds the vCPUs and the virtio-fs worker.
/// Neither can stall or kill its file server alone. A real host sleep is <see cref="HostSleep"/>.
/// </summary>
public sealed class MachineFaultInjector(string provider, string machine) : IFaultInjector
{
    private bool Krun => provider == "libkrun";

    public FaultKind Supported => Krun ? FaultKind.FreezeVm : FaultKind.PauseVm | FaultKind.FreezeVm;

    /// <summary>How each fault is (or why it is not) done, for the manifest and the memo.</summary>
    public static IReadOnlyDictionary<FaultKind, string> Mechanisms(string provider) => provider == "libkrun"
        ? new Dictionary<FaultKind, string>
        {
            [FaultKind.PauseVm] = "unsupported: krunkit's REST API answers 400 to Pause (use FreezeVm)",
            [FaultKind.FreezeVm] = "SIGSTOP/SIGCONT of krunkit (vCPUs and virtio-fs worker are in-process)",
            [FaultKind.StallServer] = "unsupported: libkrun's virtio-fs worker runs inside krunkit; stopping it stops the VM",
            [FaultKind.KillServer] = "unsupported: the server cannot die without the VM",
        }
        : new Dictionary<FaultKind, string>
        {
            [FaultKind.PauseVm] = "vfkit REST API: POST /vm/state {\"state\":\"Pause\"} then {\"state\":\"Resume\"}",
            [FaultKind.FreezeVm] = $"SIGSTOP/SIGCONT of Apple's {ProcessTable.AppleVmService} process (vCPUs and virtio-fs server); refused when several AVF VMs run",
            [FaultKind.StallServer] = "unsupported: AVF's virtio-fs server lives in Apple's VM service process together with the vCPUs",
            [FaultKind.KillServer] = "unsupported: the server cannot die without the VM",
        };

    public Task PauseVmAsync(CancellationToken ct) => Krun ? throw Unsupported(FaultKind.PauseVm) : RestAsync("Pause", ct);
    public Task ResumeVmAsync(CancellationToken ct) => Krun ? throw Unsupported(FaultKind.PauseVm) : RestAsync("Resume", ct);
    public Task FreezeVmAsync(CancellationToken ct) => SignalAsync("-STOP", ct);
    public Task ThawVmAsync(CancellationToken ct) => SignalAsync("-CONT", ct);
    public Task StallServerAsync(CancellationToken ct) => throw Unsupported(FaultKind.StallServer);
    public Task ResumeServerAsync(CancellationToken ct) => throw Unsupported(FaultKind.StallServer);
    public Task KillServerAsync(CancellationToken ct) => throw Unsupported(FaultKind.KillServer);

    private NotSupportedException Unsupported(FaultKind kind) => new($"{provider}: {Mechanisms(provider)[kind]}");

    /// <summary>The machine's vfkit or krunkit (the machine's name is in its disk and socket paths).</summary>
    public async Task<ProcessEntry> VmmAsync(CancellationToken ct)
    {
        string helper = HelperBinary.NameFor(provider);
        return (await ProcessTable.ListAsync(ct)).FirstOrDefault(p => p.Executable == helper && p.CommandLine.Contains(machine, StringComparison.Ordinal))
               ?? throw new Study.StudyException($"no {helper} process of machine {machine} is running");
    }

    /// <summary>The process that holds the vCPUs: krunkit itself, or Apple's VM service (only when it is unambiguous).</summary>
    public async Task<ProcessEntry> VcpuHolderAsync(CancellationToken ct)
    {
        var vmm = await VmmAsync(ct);
        if (Krun) return vmm;
        var services = (await ProcessTable.ListAsync(ct)).Where(p => p.CommandLine.Contains(ProcessTable.AppleVmService, StringComparison.Ordinal)).ToList();
        return services.Count == 1 ? services[0]
            : throw new Study.StudyException($"{services.Count} {ProcessTable.AppleVmService} processes: cannot tell which one is {machine}'s (run one AVF VM only)");
    }

    private async Task RestAsync(string state, CancellationToken ct)
    {
        var vmm = await VmmAsync(ct);
        int port = VmRestClient.PortFromCommandLine(vmm.CommandLine)
                   ?? throw new Study.StudyException($"{vmm.Executable} (pid {vmm.Pid}) has no --restful-uri tcp://localhost:PORT");
        using var rest = new VmRestClient(port);
        await rest.ChangeStateAsync(state, ct);
    }

    private async Task SignalAsync(string signal, CancellationToken ct)
    {
        var target = await VcpuHolderAsync(ct);
        await Tool.OutputAsync("kill", [signal, target.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct);
    }
}
