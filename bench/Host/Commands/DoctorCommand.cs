using System.CommandLine;

namespace FsBench.Host.Commands;

/// <summary>fsbench doctor: what this machine can run, and for the rest, why not and how to fix it.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var cmd = new Command("doctor", "Check which providers this machine can run (and how to enable the others)");
        cmd.SetAction(async (_, ct) =>
        {
            var rows = await DoctorReport.ProvidersAsync(ct);
            foreach (var row in rows) Console.WriteLine(row);
            Console.WriteLine();
            foreach (var note in await DoctorReport.MachineNotesAsync(ct)) Console.WriteLine(note);
            if (OperatingSystem.IsMacOS())
            {
                // The mac-study preflight (the checks that need a machine up run when mac-study starts each machine).
                var s = Providers.Machine.MachineSettings.FromEnvironment();
                string guestProbe = s.GuestProbeFor(Path.GetFullPath(".cache/probe/linux-arm64/fsprobe"));
                var providers = Providers.Machine.HostPlatform.Current() == Providers.Machine.HostKind.MacAppleSilicon ? new[] { "applehv", "libkrun" } : ["applehv"];
                Console.WriteLine();
                Console.WriteLine("mac-study preflight:");
                foreach (var c in Providers.Machine.MacStudy.MacPreflight.Evaluate(await Providers.Machine.MacStudy.PreflightGather.FactsAsync(providers, s, guestProbe, ct)))
                    Console.WriteLine($"  {c}");
            }
            return 0;
        });
        return cmd;
    }
}
