namespace FsBench.Host.Providers.Machine;

/// <summary>What a machine holds that does not move by itself to a machine of another provider.</summary>
public sealed record MachineInventory(List<string> Images, List<string> Volumes, int Containers);

/// <summary>One step of a migration: a podman invocation (run only when asked), or a note for the user.</summary>
public sealed record MigrationStep(string Why, Invocation? Command, string? Display = null, bool Destructive = false)
{
    public override string ToString() => $"# {Why}\n{Display ?? Command?.ToString() ?? ""}".TrimEnd();
}

/// <summary>
/// Moving an existing user from one podman machine provider to another. A machine belongs to one provider:
/// a new machine is made with the target provider, and its images (podman save/load) and named volumes
/// (volume export/import) are carried over; containers are recreated from their definitions, not moved.
/// </summary>
public static class MigrationPlan
{
    public static string ExportDir => Path.Combine(HostPlatform.Home, "fsbench-migrate");

    /// <summary>
    /// NAME-target, kept within podman's 30-character limit: a longer name is cut, and a short hash of the whole
    /// name keeps two long names that share a prefix apart. Only letters, digits, '_', '.' and '-' remain.
    /// </summary>
    public static string NewName(string machine, string target)
    {
        string plain = $"{machine}-{target}";
        if (plain.Length <= MachineCommands.MaxNameLength) return plain;
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(machine)))[..4];
        int keep = MachineCommands.MaxNameLength - target.Length - hash.Length - 2;
        string stem = machine[..Math.Min(keep, machine.Length)].TrimEnd('-', '_', '.');
        return $"{stem}-{hash}-{target}";
    }

    /// <param name="inventory">what the machine holds; null when it is not running (then listed at run time).</param>
    /// <param name="rootful">from `podman machine inspect` (list has no Rootful): the NAME-root connection holds its content.</param>
    /// <param name="defaultConnection">the default connection's name (`system connection list`), matched against NAME and NAME-root.</param>
    public static List<MigrationStep> ForMachine(MachineListEntry m, MachineInventory? inventory, string target, PodmanVersion version, string exportDir,
        bool rootful = false, string? defaultConnection = null)
    {
        var steps = new List<MigrationStep>();
        var old = new MachineCommands(m.VmType, m.Name, version, rootful);
        string fresh = NewName(m.Name, target);
        var neu = new MachineCommands(target, fresh, version, rootful);
        string images = Path.Combine(exportDir, $"{m.Name}-images.tar");

        if (!m.Running) steps.Add(new("start the old machine so its images and volumes can be read", old.Start()));
        if (inventory is null)
            steps.Add(new("save every tagged image of the old machine", null,
                $"podman --connection {old.Connection} save -m -o {ShellQuote.Quote(images)} $(podman --connection {old.Connection} images --format '{{{{.Repository}}}}:{{{{.Tag}}}}' | grep -v '<none>')"));
        else if (inventory.Images.Count > 0)
            steps.Add(new($"save {inventory.Images.Count} image(s) of the old machine",
                new(["--connection", old.Connection, "save", "-m", "-o", images, .. inventory.Images], new())));
        var volumes = inventory?.Volumes ?? [];
        foreach (var v in volumes)
            steps.Add(new($"export volume {v}", new(["--connection", old.Connection, "volume", "export", v, "-o", VolumeTar(exportDir, m.Name, v)], new())));
        if (inventory is null)
            steps.Add(new("export each named volume (podman volume export NAME -o FILE): listed once the machine runs", null,
                $"podman --connection {old.Connection} volume ls --format '{{{{.Name}}}}'"));

        steps.Add(new("stop the old machine (it is kept until you remove it)", old.Stop()));
        var settings = new MachineSettings
        {
            Cpus = m.Cpus > 0 ? m.Cpus : new MachineSettings().Cpus,
            MemoryMiB = m.MemoryBytes > 0 ? (int)(m.MemoryBytes / (1024 * 1024)) : new MachineSettings().MemoryMiB,
            DiskGiB = m.DiskBytes > 0 ? (int)(m.DiskBytes / (1024L * 1024 * 1024)) : new MachineSettings().DiskGiB,
        };
        steps.Add(new($"create {fresh} with the {target} provider and the same CPUs, memory and disk", neu.Init(settings)));
        steps.Add(new($"start {fresh}", neu.Start()));
        if (inventory is null || inventory.Images.Count > 0)
            steps.Add(new("load the saved images", new(["--connection", neu.Connection, "load", "-i", images], new())));
        foreach (var v in volumes)
        {
            steps.Add(new($"recreate volume {v}", new(["--connection", neu.Connection, "volume", "create", v], new())));
            steps.Add(new($"import volume {v}", new(["--connection", neu.Connection, "volume", "import", v, VolumeTar(exportDir, m.Name, v)], new())));
        }
        string? wasDefault = ConnectionList.DefaultOf(m.Name, defaultConnection) ?? (m.Default ? m.Name : null);
        if (wasDefault is not null)
        {
            string newDefault = wasDefault.EndsWith("-root", StringComparison.Ordinal) ? fresh + "-root" : fresh;
            steps.Add(new($"make {newDefault} the default connection ({wasDefault} was the default)",
                new(["system", "connection", "default", newDefault], new())));
        }
        int containers = inventory?.Containers ?? -1;
        steps.Add(new(containers switch
        {
            0 => "no containers to recreate",
            > 0 => $"{containers} container(s) do not move: recreate them on {fresh} from their compose files or run commands",
            _ => $"containers do not move: recreate them on {fresh} from their compose files or run commands",
        }, null, ""));
        steps.Add(new($"when {fresh} works: remove the old machine (and its connections {m.Name}, {m.Name}-root)", old.Remove(), Destructive: true));
        return steps;
    }

    private static string VolumeTar(string dir, string machine, string volume) => Path.Combine(dir, $"{machine}-volume-{volume}.tar");
}
