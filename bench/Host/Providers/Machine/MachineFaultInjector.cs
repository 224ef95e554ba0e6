using FsBench.Host.Providers.Faults;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// Faults on a running podman machine, found from the host's process table.
/// applehv: vfkit's REST API pauses and resumes the VM; freezing it is SIGSTOP of Apple's per-VM service process,
/// which holds the vCPUs and the virtio-fs server (SIGSTOP of vfkit would not freeze them). libkrun: nothing is ever
/// POSTed to krunkit (krunkit ≤ 1.3.0 shuts the VM down on any POST, src/status.rs; 1.3.1 answers 400 to Pause),
/// so only a freeze: SIGSTOP of krunkit, which holds the vCPUs and the virtio-fs worker. Neither can stall or kill its file server alone.
/// Both: a real host sleep (<see cref="HostSleep"/>, opt-in).
/// </summary>
public sealed class MachineFaultInjector(string provider, string machine) : IFaultInjector
{
    private bool Krun => provider == "libkrun";
    private DateTime _awakeUtc;

    public IReadOnlyDictionary<Fault, string> Supported => Mechanisms(provider);

    /// <summary>How each fault this provider supports is done.</summary>
    public static IReadOnlyDictionary<Fault, string> Mechanisms(string provider) => provider == "libkrun"
        ? new Dictionary<Fault, string>
        {
            [Fault.Freeze] = "SIGSTOP/SIGCONT of krunkit (vCPUs and virtio-fs worker are in-process)",
            [Fault.Sleep] = HostSleep.Mechanism,
        }
        : new Dictionary<Fault, string>
        {
            [Fault.Pause] = "vfkit REST API: POST /vm/state {\"state\":\"Pause\"} then {\"state\":\"Resume\"}",
            [Fault.Freeze] = $"SIGSTOP/SIGCONT of Apple's {ProcessTable.AppleVmService} process (vCPUs and virtio-fs server); refused when several AVF VMs run",
            [Fault.Sleep] = HostSleep.Mechanism,
        };

    public string? WhyNot(Fault fault) => fault switch
    {
        Fault.Sleep => HostSleep.WhyNot(),
        Fault.Pause when Krun => "never POSTed to krunkit: krunkit ≤ 1.3.0 shuts the VM down on any POST, 1.3.1 answers 400 to Pause (use freeze)",
        Fault.Stall => Krun ? "its virtio-fs worker runs inside krunkit: stopping it stops the VM (use freeze)"
                            : "AVF's virtio-fs server lives in Apple's VM service process together with the vCPUs (use freeze)",
        Fault.Kill => "its file server cannot die without the VM",
        _ => null,
    };

    public async Task StartAsync(Fault fault, TimeSpan? duration, CancellationToken ct)
    {
        Require(fault);
        switch (fault)
        {
            case Fault.Pause: await RestAsync("Pause", ct); break;
            case Fault.Freeze:
                var target = await VcpuHolderAsync(ct);   // no machine, no marker
                FreezeLedger.Begin(LedgerDir, machine);
                try { await SignalAsync("-STOP", target, ct); }
                catch { FreezeLedger.Abandon(LedgerDir, machine); throw; }
                break;
            default: _awakeUtc = await HostSleep.BeginAsync((int)Math.Ceiling((duration ?? TimeSpan.FromSeconds(60)).TotalSeconds), ct); break;
        }
    }

    public async Task EndAsync(Fault fault, CancellationToken ct)
    {
        Require(fault);
        switch (fault)
        {
            case Fault.Pause: await RestAsync("Resume", ct); break;
            case Fault.Freeze:
                await SignalAsync("-CONT", await VcpuHolderAsync(ct), ct);
                FreezeLedger.End(LedgerDir, machine);
                break;
            default: await HostSleep.WaitAwakeAsync(_awakeUtc, ct); break;
        }
    }

    /// <summary>Where freezes are recorded for every process of the study (<see cref="FreezeLedger"/>).</summary>
    private static string LedgerDir => MachineSettings.FromEnvironment().Workspace;

    private void Require(Fault fault)
    {
        if (WhyNot(fault) is { } why) throw new NotSupportedException(why);
    }

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
        using var rest = new VmRestClient(vmm.Executable, port);
        await rest.ChangeStateAsync(state, ct);
    }

    private static Task SignalAsync(string signal, ProcessEntry target, CancellationToken ct) =>
        Tool.OutputAsync("kill", [signal, target.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct);
}
