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
            return 0;
        });
        return cmd;
    }
}
