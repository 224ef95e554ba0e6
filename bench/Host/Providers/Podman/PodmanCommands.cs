namespace FsBench.Host.Providers.Podman;

/// <summary>
/// The podman command lines the study runs, as argument lists. Kept apart from the process running so
/// that they can be checked without podman (and reused by the podman machine providers on macOS, which pass
/// <paramref name="Connection"/>: the containers then run on that machine, podman --connection NAME).
/// </summary>
public sealed record PodmanCommands(string Image, bool UseRunc, string RunId, string? Connection = null)
{
    public const string ProbeMount = "/probe";
    public const string Workspace = "/w";
    public string VolumeName => $"fsbench-{RunId}";
    public string Label => $"fsbench.run={RunId}";
    /// <summary>The process that made a container or volume: once it is gone, what it left is stale (a killed run's).</summary>
    public const string OwnerKey = "fsbench.owner";
    public static string OwnerLabel => $"{OwnerKey}={Environment.ProcessId}";

    /// <summary>
    /// Global flags: the machine's connection (macOS), and runc where asked (on Debian's rootful podman 4.3,
    /// crun fails on hybrid cgroups, runc works).
    /// </summary>
    public IEnumerable<string> Global() => [.. Connect(), .. (UseRunc ? new[] { "--runtime", "runc" } : [])];

    /// <summary>Only the connection flag: what the commands other than run need.</summary>
    public IEnumerable<string> Connect() => Connection is null ? [] : ["--connection", Connection];

    /// <summary>podman run -i: the probe in a fresh container, its workspace behind the given mount mode.</summary>
    public List<string> RunProbe(string mount, string hostDir, string probeDir) =>
    [
        .. Global(), "run", "--rm", "-i", "--network", "none", "--label", Label, "--label", OwnerLabel,
        "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096",
        "-v", $"{probeDir}:{ProbeMount}:ro",
        "-v", WorkspaceVolume(mount, hostDir),
        Image, $"{ProbeMount}/fsprobe", "--root", Workspace,
    ];

    public string WorkspaceVolume(string mount, string hostDir) => mount switch
    {
        MountModes.Bind => $"{hostDir}:{Workspace}",
        MountModes.Overlay => $"{hostDir}:{Workspace}:O",
        MountModes.Volume => $"{VolumeName}:{Workspace}",
        _ => throw new Study.StudyException($"podman has no mount mode '{mount}' (bind|overlay|volume)"),
    };

    public List<string> CreateVolume() => [.. Connect(), "volume", "create", "--label", Label, "--label", OwnerLabel, VolumeName];
    public List<string> RemoveVolume() => [.. Connect(), "volume", "rm", "--force", VolumeName];
    public List<string> ListOwnContainers() => [.. Connect(), "ps", "--all", "--quiet", "--filter", $"label={Label}"];
    public List<string> RemoveContainers(IEnumerable<string> ids) => [.. Connect(), "rm", "--force", .. ids];
    /// <summary>Every study container and volume with its owner ("ID OWNER" lines), of any run.</summary>
    public List<string> ListOwnedContainers() =>
        [.. Connect(), "ps", "--all", "--filter", $"label={OwnerKey}", "--format", $"{{{{.ID}}}} {{{{index .Labels \"{OwnerKey}\"}}}}"];
    public List<string> ListOwnedVolumes() =>
        [.. Connect(), "volume", "ls", "--filter", $"label={OwnerKey}", "--format", $"{{{{.Name}}}} {{{{index .Labels \"{OwnerKey}\"}}}}"];
    public List<string> RemoveVolumes(IEnumerable<string> names) => [.. Connect(), "volume", "rm", "--force", .. names];
    public static List<string> Version() => ["version", "--format", "{{.Client.Version}}"];
    public List<string> ImageExists() => [.. Connect(), "image", "exists", Image];
    public List<string> PullImage() => [.. Connect(), "pull", "--quiet", Image];
}
