using System.CommandLine;
using FsBench.Host.Providers.Machine;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench fault --provider applehv|libkrun --kind pause|freeze|sleep --seconds N: pauses the study's running
/// podman machine (vfkit REST; not offered by krunkit), freezes it (SIGSTOP of the process holding its vCPUs) or
/// sleeps the whole Mac (opt-in), for N seconds, while a run or a soak goes on in another terminal; the run's
/// failures then show what it did to the mount.
/// </summary>
public static class FaultCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "applehv | libkrun", Required = true };
        provider.AcceptOnlyFromAmong("applehv", "libkrun");
        var kind = new Option<string>("--kind") { Description = "freeze (SIGSTOP, both) | pause (vfkit REST, applehv only) | sleep (the Mac: needs FSBENCH_ALLOW_HOST_SLEEP=1 and sudo)", DefaultValueFactory = _ => "freeze" };
        kind.AcceptOnlyFromAmong("freeze", "pause", "sleep");
        var seconds = new Option<int>("--seconds") { Description = "how long the VM stays paused, or the Mac asleep", DefaultValueFactory = _ => 60 };

        var cmd = new Command("fault", "Pause or freeze the study's podman machine, or sleep the Mac, for a while") { provider, kind, seconds };
        cmd.SetAction(async (parse, ct) =>
        {
            string p = parse.GetValue(provider)!;
            int s = parse.GetValue(seconds);
            var started = DateTime.UtcNow;
            if (parse.GetValue(kind) == "sleep")
            {
                Console.WriteLine($"fsbench fault: sleeping this Mac for {s} s ({string.Join(" && ", HostSleep.Commands(s).Select(a => "sudo " + string.Join(' ', a)))})");
                await HostSleep.SleepAsync(s, ct);
            }
            else
            {
                Providers.IFaultInjector faults = new MachineFaultInjector(p, MachineCommands.MachineNameFor(p));
                var fault = parse.GetValue(kind) == "pause" ? Providers.FaultKind.PauseVm : Providers.FaultKind.FreezeVm;
                if (!faults.Supports(fault))
                    throw new Study.StudyException($"{p} cannot {parse.GetValue(kind)}: {MachineFaultInjector.Mechanisms(p)[fault]}");
                Console.WriteLine($"fsbench fault: {parse.GetValue(kind)} {MachineCommands.MachineNameFor(p)} for {s} s: {MachineFaultInjector.Mechanisms(p)[fault]}");
                await (fault == Providers.FaultKind.PauseVm ? faults.PauseVmAsync(ct) : faults.FreezeVmAsync(ct));
                try { await Task.Delay(TimeSpan.FromSeconds(s), ct); }
                finally { await (fault == Providers.FaultKind.PauseVm ? faults.ResumeVmAsync(CancellationToken.None) : faults.ThawVmAsync(CancellationToken.None)); }
            }
            Console.WriteLine($"fsbench fault: {started:o} to {DateTime.UtcNow:o}, resumed");
            return 0;
        });
        return cmd;
    }
}
