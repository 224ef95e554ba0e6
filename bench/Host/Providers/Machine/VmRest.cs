using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine;

/// <summary>GET /vm/state of vfkit or krunkit: {"state": "VirtualMachineStateRunning", "canPause": true, ...}.</summary>
public sealed record VmState(string State, bool CanPause, bool CanResume, bool CanStop, bool CanHardStop)
{
    public static VmState Parse(string json)
    {
        var o = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not a JSON object");
        return new VmState(MachineInspect.Str(o["state"]) ?? "unknown",
            MachineInspect.Bool(o["canPause"]), MachineInspect.Bool(o["canResume"]),
            MachineInspect.Bool(o["canStop"]), MachineInspect.Bool(o["canHardStop"]));
    }

    public bool Paused => State.Contains("Paused", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The RESTful service vfkit and krunkit both offer. Podman starts them with `--restful-uri tcp://localhost:PORT`
/// (a new port per start), so the port is read from the VMM's own command line.
/// vfkit accepts POST /vm/state {"state":"Pause"|"Resume"}; krunkit answers 400 to Pause (src/status/unix.rs).
/// </summary>
public sealed partial class VmRestClient(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = TimeSpan.FromSeconds(15) };

    public int Port => port;

    /// <summary>The port of `--restful-uri tcp://localhost:PORT` (or 127.0.0.1) in a command line, or null.</summary>
    public static int? PortFromCommandLine(string commandLine) =>
        RestfulUriRegex().Match(commandLine) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    public async Task<VmState> GetStateAsync(CancellationToken ct) =>
        VmState.Parse(await _http.GetStringAsync("/vm/state", ct));

    /// <summary>POST /vm/state; the VMM's refusal (krunkit: 400 to Pause) becomes an error with its body.</summary>
    public async Task ChangeStateAsync(string state, CancellationToken ct)
    {
        using var r = await _http.PostAsJsonAsync("/vm/state", new { state }, ct);
        if (!r.IsSuccessStatusCode)
            throw new Study.StudyException($"POST /vm/state {state} refused: HTTP {(int)r.StatusCode} {(await r.Content.ReadAsStringAsync(ct)).Trim()}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"--restful-uri[ =]tcp://(?:localhost|127\.0\.0\.1):(\d+)")]
    private static partial Regex RestfulUriRegex();
}
