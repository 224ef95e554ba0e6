namespace FsBench.Host.Providers.Machine;

/// <summary>One line of `ps -axo pid=,args=`.</summary>
public sealed record ProcessEntry(int Pid, string CommandLine)
{
    public string Executable => Path.GetFileName(CommandLine.Split(' ', 2)[0]);
}

/// <summary>The host's processes, from ps (macOS and Linux both print `pid args` with these flags).</summary>
public static class ProcessTable
{
    public static List<string> PsArgs() => ["-axo", "pid=,args="];

    public static async Task<List<ProcessEntry>> ListAsync(CancellationToken ct) =>
        Parse((await Tool.OutputAsync("ps", PsArgs(), ct, TimeSpan.FromSeconds(20))));

    public static List<ProcessEntry> Parse(string psOutput)
    {
        var list = new List<ProcessEntry>();
        foreach (var raw in psOutput.Split('\n'))
        {
            var parts = raw.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], out int pid)) list.Add(new ProcessEntry(pid, parts[1].Trim()));
        }
        return list;
    }

    /// <summary>
    /// The VMM processes of one podman machine: its vfkit or krunkit (the machine's name appears in its disk and
    /// socket paths) and, for applehv, Apple's per-VM XPC service that holds the vCPUs and the virtio-fs server.
    /// That service's command line does not name the machine: with several AVF VMs running, all are returned.
    /// </summary>
    public static List<ProcessEntry> VmmOf(IEnumerable<ProcessEntry> all, string helper, string machine) =>
        all.Where(p => (p.Executable == helper && p.CommandLine.Contains(machine, StringComparison.Ordinal))
                       || (helper == "vfkit" && p.CommandLine.Contains(AppleVmService, StringComparison.Ordinal)))
            .ToList();

    /// <summary>The machine's disk image, from the VMM's `--device virtio-blk,path=…` argument (vfkit and krunkit alike).</summary>
    public static string? DiskPathFromCommandLine(string commandLine)
    {
        const string marker = "virtio-blk,path=";
        int i = commandLine.IndexOf(marker, StringComparison.Ordinal);
        if (i < 0) return null;
        string rest = commandLine[(i + marker.Length)..];
        int end = rest.IndexOfAny([' ', ',']);
        return end < 0 ? rest : rest[..end];
    }

    public const string AppleVmService = "com.apple.Virtualization.VirtualMachine";
}
