using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Providers.Machine.MacStudy;

namespace FsBench.Tests.Machine;

/// <summary>
/// Podman's machine state on a Mac, simulated where no Mac is (podman machines do not run on Linux): it answers the
/// mac-study's real invocations (built by MachineCommands) the way podman does, including its refusal to start a
/// second machine with podman's own message (pkg/machine/shim/host.go checkExclusiveActiveVM, define/errors.go),
/// `machine list` in podman's ListReporter shape (pkg/domain/entities/machine.go), and inspect's "VM does not exist".
/// The probe check runs the real probe (fsprobe.dll) here with the study's stdin.
/// </summary>
public sealed class SimulatedMac(string podmanVersion = "6.0.0") : IMacStudyTools
{
    public PodmanVersion Podman { get; } = PodmanVersion.Parse(podmanVersion)!;
    public Dictionary<string, (string VmType, bool Running)> Machines { get; } = new();
    public List<string> Calls { get; } = [];
    public List<(string Provider, IReadOnlyDictionary<string, string> Env, string Out)> HostRuns { get; } = [];
    public int MaxRunning { get; private set; }
    public Action<IReadOnlyList<string>>? OnHost { get; set; }
    public string KrunkitVersion { get; set; } = "1.3.1";

    public async Task<ToolRun> PodmanAsync(Invocation inv, CancellationToken ct, string? stdin = null)
    {
        var a = inv.Args;
        Calls.Add(string.Join(' ', a));
        string provider = inv.Env.GetValueOrDefault(MachineCommands.ProviderVar) ?? "applehv";
        switch (a)
        {
            case ["machine", "list", ..]:
                return Ok(new JsonArray(Machines.Select(m => (JsonNode)new JsonObject
                {
                    ["Name"] = m.Key, ["Default"] = false, ["Running"] = m.Value.Running, ["Starting"] = false,
                    ["VMType"] = m.Value.VmType, ["CPUs"] = 4, ["Memory"] = "4294967296", ["DiskSize"] = "42949672960",
                }).ToArray()).ToJsonString());
            case ["machine", "inspect", var name]:
                return Machines.TryGetValue(name, out var m1)
                    ? Ok($"[{{\"Name\":\"{name}\",\"State\":\"{(m1.Running ? "running" : "stopped")}\",\"Rootful\":false}}]")
                    : Fail($"Error: {name}: VM does not exist");
            case ["machine", "init", .., var name]:
                if (Machines.ContainsKey(name)) return Fail($"Error: {name}: VM already exists");
                int i = a.IndexOf("--provider");
                Machines[name] = (i >= 0 ? a[i + 1] : provider, false);
                return Ok("");
            case ["machine", "start", "--no-info", var name]:
                if (Machines.FirstOrDefault(m => m.Value.Running) is { Key: { } other } running)
                    return Fail(other == name ? $"Error: unable to start \"{name}\": already running"
                        : running.Value.VmType == Machines[name].VmType
                            ? $"Error: unable to start \"{name}\": {other} already starting or running: only one VM can be active at a time"
                            : $"Error: unable to start: {other} already starting or running on the {running.Value.VmType} provider: only one VM can be active at a time");
                Machines[name] = Machines[name] with { Running = true };
                MaxRunning = Math.Max(MaxRunning, Machines.Count(m => m.Value.Running));
                return Ok("");
            case ["machine", "stop", var name]:
                Machines[name] = Machines[name] with { Running = false };
                return Ok("");
            case ["machine", "rm", "--force", var name]:
                Machines.Remove(name);
                return Ok("");
            case ["--connection", var conn, "run", ..]:
                if (!Machines.TryGetValue(conn, out var m2) || !m2.Running) return Fail($"Cannot connect to Podman: {conn} is not running");
                if (stdin is null) return Ok("");   // the touch through the bind mount
                var r = await Cli.Wrap("dotnet").WithArguments([Path.Combine(AppContext.BaseDirectory, "fsprobe.dll"), "--root", Path.GetTempPath()])
                    .WithStandardInputPipe(PipeSource.FromString(stdin)).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
                return new ToolRun(r.ExitCode, r.StandardOutput, r.StandardError, r.RunTime);
            default:
                return Fail($"Error: unexpected command {string.Join(' ', a)}");
        }
    }

    public Task<int> HostAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, string logPath, CancellationToken ct)
    {
        string p = args[args.ToList().FindIndex(x => x is "--providers" or "--provider") + 1];
        var running = Machines.Where(m => m.Value.Running).Select(m => m.Key).ToList();
        if (running.SequenceEqual([MachineCommands.MachineNameFor(p)]) is false)
            throw new InvalidOperationException($"{string.Join(' ', args)} ran while {string.Join(",", running)} was up");
        HostRuns.Add((p, env, args[^1]));
        Calls.Add("host " + string.Join(' ', args.Take(3)));
        Directory.CreateDirectory(args[^1]);   // as the child run does first
        OnHost?.Invoke(args);
        return Task.FromResult(0);
    }

    public Task<int> AnalysisAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        Calls.Add("analysis " + string.Join(' ', args.Take(1)));
        return Task.FromResult(0);
    }

    public Task<List<PreflightCheck>> PreflightAsync(CancellationToken ct) => Task.FromResult(MacPreflight.Evaluate(new PreflightFacts
    {
        Host = HostKind.MacAppleSilicon, MacOs = SwVers.Parse(Support.Fixture.Read("sw_vers-macos-26.1.txt")), Chip = "Apple M2",
        Podman = Podman, VfkitVersion = "0.6.1", KrunkitVersion = KrunkitVersion, Providers = ["applehv", "libkrun"],
        Machines = MachineListEntry.Parse(PodmanAsync(MachineCommands.ListAll(Podman), ct).Result.StandardOutput),
        Workspace = "/Users/me/fsbench-work", GuestProbe = "/x/fsprobe", GuestProbeExists = true,
        FreeDiskGiB = 200, MemoryGiB = 16, MachineMemoryMiB = 4096, MachineDiskGiB = 40,
    }));

    private static ToolRun Ok(string stdout) => new(0, stdout, "", TimeSpan.FromMilliseconds(5));
    private static ToolRun Fail(string stderr) => new(125, "", stderr, TimeSpan.FromMilliseconds(5));
}
