using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// GET /vm/state of vfkit or krunkit. vfkit and krunkit ≥ 1.3.1: {"state":"VirtualMachineStateRunning","canPause":…};
/// krunkit ≤ 1.3.0 (src/status.rs): {"state": "VirtualMachineStateRunning"} followed by a NUL byte, no Content-Length.
/// </summary>
public sealed record VmState(string State, bool CanPause, bool CanResume, bool CanStop, bool CanHardStop)
{
    public static VmState Parse(string json)
    {
        var o = JsonNode.Parse(json.TrimEnd('\0', ' ', '\r', '\n')) as JsonObject ?? throw new JsonException("not a JSON object");
        return new VmState(MachineInspect.Str(o["state"]) ?? "unknown",
            MachineInspect.Bool(o["canPause"]), MachineInspect.Bool(o["canResume"]),
            MachineInspect.Bool(o["canStop"]), MachineInspect.Bool(o["canHardStop"]));
    }

    public bool Paused => State.Contains("Paused", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The RESTful service vfkit and krunkit both offer. Podman starts them with `--restful-uri tcp://localhost:PORT`
/// (a new port per start), so the port is read from the VMM's own command line.
/// A hard rule: nothing is ever POSTed to krunkit. krunkit ≤ 1.3.0 shuts the VM down on ANY POST (src/status.rs
/// writes the shutdown eventfd whenever the request contains "POST"); 1.3.1 answers 400 to anything but Stop.
/// vfkit accepts POST /vm/state {"state":"Pause"|"Resume"} (gin ShouldBindJSON), sent with a Content-Length.
/// </summary>
public sealed partial class VmRestClient(string helper, int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = TimeSpan.FromSeconds(15) };

    public int Port => port;

    /// <summary>The port of `--restful-uri tcp://localhost:PORT` (or 127.0.0.1) in a command line, or null.</summary>
    public static int? PortFromCommandLine(string commandLine) =>
        RestfulUriRegex().Match(commandLine) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;

    public async Task<VmState> GetStateAsync(CancellationToken ct) =>
        VmState.Parse(await _http.GetStringAsync("/vm/state", ct));

    /// <summary>
    /// The POST /vm/state request for a state change: only for vfkit, with a fixed-length body (Content-Length set,
    /// never chunked). For krunkit it throws before any request exists.
    /// </summary>
    public static HttpRequestMessage StateChangeRequest(string helper, string state)
    {
        if (helper != "vfkit")
            throw new NotSupportedException($"no POST is ever sent to {helper}: krunkit ≤ 1.3.0 shuts the VM down on any POST, 1.3.1 answers 400 to {state}");
        byte[] body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new JsonObject { ["state"] = state }));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = body.Length;
        return new HttpRequestMessage(HttpMethod.Post, "/vm/state") { Content = content };
    }

    /// <summary>POST /vm/state (vfkit only); a refusal becomes an error with its body.</summary>
    public async Task ChangeStateAsync(string state, CancellationToken ct)
    {
        using var request = StateChangeRequest(helper, state);
        using var r = await _http.SendAsync(request, ct);
        if (!r.IsSuccessStatusCode)
            throw new Study.StudyException($"POST /vm/state {state} refused: HTTP {(int)r.StatusCode} {(await r.Content.ReadAsStringAsync(ct)).Trim()}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"--restful-uri[ =]tcp://(?:localhost|127\.0\.0\.1):(\d+)")]
    private static partial Regex RestfulUriRegex();
}
