using System.CommandLine;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Study;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench migrate --to libkrun: the plan for moving an existing user's podman machines to another provider,
/// printed (the default, --dry-run), or carried out with --execute. The old machine is removed only with --remove-old.
/// </summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "the provider to move to: libkrun | applehv", DefaultValueFactory = _ => "libkrun" };
        to.AcceptOnlyFromAmong("libkrun", "applehv");
        var dryRun = new Option<bool>("--dry-run") { Description = "print the plan only (the default)" };
        var execute = new Option<bool>("--execute") { Description = "carry the plan out" };
        var removeOld = new Option<bool>("--remove-old") { Description = "with --execute: also remove the old machines at the end" };
        var exportDir = new Option<string>("--export-dir") { Description = "where images and volumes are saved", DefaultValueFactory = _ => MigrationPlan.ExportDir };

        var cmd = new Command("migrate", "Plan (or carry out) moving podman machines to another provider") { to, dryRun, execute, removeOld, exportDir };
        cmd.SetAction(async (parse, ct) =>
        {
            bool run = parse.GetValue(execute) && !parse.GetValue(dryRun);
            return await RunAsync(parse.GetValue(to)!, run, parse.GetValue(removeOld), parse.GetValue(exportDir)!, ct);
        });
        return cmd;
    }

    private static async Task<int> RunAsync(string target, bool execute, bool removeOld, string exportDir, CancellationToken ct)
    {
        var cli = new PodmanCli();
        var version = await cli.VersionAsync(ct);
        if (version is null) { Console.WriteLine("fsbench migrate: podman is not installed: there are no podman machines to migrate"); return 0; }
        var (list, _) = await cli.RunAsync(MachineCommands.ListAll(version), ct, TimeSpan.FromMinutes(1));
        if (!list.IsSuccess)
        {
            Console.WriteLine($"fsbench migrate: no podman machines to migrate (podman machine list failed: {Tool.LastLine(list.StandardError)})");
            return 0;
        }
        var machines = MachineListEntry.Parse(list.StandardOutput);
        var sources = machines.Where(m => m.VmType != target && !m.Name.StartsWith("fsbench-", StringComparison.Ordinal)).ToList();
        if (machines.Count == 0 || sources.Count == 0)
        {
            string where = OperatingSystem.IsMacOS() ? "" : " (podman machine is for macOS and Windows hosts; on Linux containers run natively)";
            Console.WriteLine(machines.Count == 0
                ? $"fsbench migrate: there are no podman machines to migrate{where}"
                : $"fsbench migrate: every podman machine already uses {target}: nothing to migrate");
            return 0;
        }
        if (!version.AtLeast(5, 3) && !version.HasProviderFlag)
            Console.WriteLine($"note: podman {version} lists only the default provider's machines; upgrade to see them all");

        var (conns, _) = await cli.RunAsync(ConnectionList.Command(), ct, TimeSpan.FromMinutes(1));
        string? defaultConnection = conns.IsSuccess ? ConnectionList.DefaultName(conns.StandardOutput) : null;
        Console.WriteLine($"{(execute ? "Migrating" : "Plan (dry run; --execute carries it out)")}: {sources.Count} machine(s) to {target}; images and volumes saved in {exportDir}");
        Directory.CreateDirectory(exportDir);
        foreach (var m in sources)
        {
            // machine list has no Rootful field: inspect says it (with the machine's provider, so Podman 5 finds it).
            var (inspect, _) = await cli.RunAsync(new MachineCommands(m.VmType, m.Name, version).Inspect(), ct, TimeSpan.FromMinutes(1));
            bool rootful = inspect.IsSuccess && MachineInspect.Parse(inspect.StandardOutput).FirstOrDefault()?.Rootful == true;
            var old = new MachineCommands(m.VmType, m.Name, version, rootful);
            string? isDefault = ConnectionList.DefaultOf(m.Name, defaultConnection);
            Console.WriteLine($"\n## {m.Name} ({m.VmType}{(rootful ? ", rootful: connection " + old.Connection : "")}{(isDefault is not null ? ", default connection " + isDefault : "")}{(m.Running ? ", running" : "")})");
            if (execute && !m.Running) await cli.OutputAsync(old.Start(), ct, TimeSpan.FromMinutes(15));
            var inventory = execute || m.Running ? await InventoryAsync(old.Connection, ct) : null;
            var steps = MigrationPlan.ForMachine(m with { Running = m.Running || execute }, inventory, target, version, exportDir, rootful, defaultConnection);
            foreach (var step in steps)
            {
                Console.WriteLine(step);
                if (!execute || step.Command is null || (step.Destructive && !removeOld)) continue;
                var (r, took) = await cli.RunAsync(step.Command, ct, TimeSpan.FromMinutes(30));
                Console.WriteLine(r.IsSuccess ? $"  ok ({took.TotalSeconds:0.0} s)" : $"  FAILED (exit {r.ExitCode}): {Tool.LastLine(r.StandardError)}");
                if (!r.IsSuccess) throw new StudyException($"migration of {m.Name} stopped at: {step.Why}");
            }
        }
        return 0;
    }

    private static async Task<MachineInventory> InventoryAsync(string connection, CancellationToken ct)
    {
        async Task<List<string>> Lines(params string[] args) =>
            (await Tool.OutputAsync("podman", ["--connection", connection, .. args], ct, TimeSpan.FromMinutes(2)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        var images = (await Lines("images", "--format", "{{.Repository}}:{{.Tag}}")).Where(i => !i.Contains("<none>")).Distinct().ToList();
        var volumes = await Lines("volume", "ls", "--format", "{{.Name}}");
        var containers = await Lines("ps", "--all", "--quiet");
        return new MachineInventory(images, volumes, containers.Count);
    }
}
