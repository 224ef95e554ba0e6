namespace FsBench.Host.Providers.Machine;

/// <summary>One podman invocation: its argument list and the environment it needs on top of the user's.</summary>
public sealed record Invocation(List<string> Args, Dictionary<string, string> Env)
{
    public override string ToString() =>
        string.Join(' ', Env.Select(e => $"{e.Key}={e.Value}").Concat(["podman", .. Args.Select(ShellQuote.Quote)]));
}

/// <summary>
/// The `podman machine` command lines for one provider (applehv or libkrun) and one machine, as argument lists.
/// Podman 6 chooses the provider with `init --provider`; Podman 5 only by CONTAINERS_MACHINE_PROVIDER, which
/// also decides which provider's machines `start`/`stop`/`inspect`/`rm` see. The variable is set on every
/// machine command, on both versions, so a user's containers.conf default never redirects them.
/// </summary>
public sealed record MachineCommands(string Provider, string Machine, PodmanVersion Version, bool Rootful = false)
{
    public const string ProviderVar = "CONTAINERS_MACHINE_PROVIDER";

    public static string MachineNameFor(string provider) => $"fsbench-{provider}";

    /// <summary>
    /// The connection to use: init creates NAME (rootless) and NAME-root (rootful) (pkg/machine/connection/add.go);
    /// a rootful machine's containers, images and volumes are behind NAME-root.
    /// </summary>
    public string Connection => Rootful ? Machine + "-root" : Machine;

    /// <summary>Podman refuses longer machine names: "machine name %q must be %d characters or less" (cmd/podman/machine/init.go).</summary>
    public const int MaxNameLength = 30;

    private Dictionary<string, string> Env() => new() { [ProviderVar] = Provider };

    public Invocation Init(MachineSettings s) => new(
    [
        "machine", "init",
        .. (Version.HasProviderFlag ? new[] { "--provider", Provider } : []),
        "--cpus", s.Cpus.ToString(), "--memory", s.MemoryMiB.ToString(), "--disk-size", s.DiskGiB.ToString(),
        .. (Rootful ? new[] { "--rootful" } : []),
        Machine,
    ], Env());

    public Invocation Start() => new(["machine", "start", "--no-info", Machine], Env());
    public Invocation Stop() => new(["machine", "stop", Machine], Env());
    public Invocation Inspect() => new(["machine", "inspect", Machine], Env());
    public Invocation Remove() => new(["machine", "rm", "--force", Machine], Env());

    /// <summary>
    /// Every machine of every provider: Podman 5.3 to 5.x need --all-providers (podman#23726); Podman 6 lists all
    /// by default (podman#27386); before 5.3 only the default provider's machines are listed.
    /// </summary>
    public static Invocation ListAll(PodmanVersion v) =>
        new(["machine", "list", .. (v.AtLeast(5, 3) && !v.HasProviderFlag ? new[] { "--all-providers" } : []), "--format", "json"], new());
}
