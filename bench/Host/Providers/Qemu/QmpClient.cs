using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// QEMU's machine protocol over its unix socket: greeting, qmp_capabilities, then one command at a time
/// (events in between are skipped). QEMU serves one QMP client at a time: connect, act, dispose.
/// </summary>
public sealed class QmpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private QmpClient(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    public static async Task<QmpClient> ConnectAsync(string socketPath, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
            var qmp = new QmpClient(socket);
            await qmp.ReadReplyAsync(ct, greeting: true);
            await qmp.ExecuteAsync("qmp_capabilities", ct);
            return qmp;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<JsonNode?> ExecuteAsync(string command, CancellationToken ct)
    {
        await _writer.WriteLineAsync(new JsonObject { ["execute"] = command }.ToJsonString().AsMemory(), ct);
        return await ReadReplyAsync(ct, greeting: false);
    }

    public Task StopAsync(CancellationToken ct) => ExecuteAsync("stop", ct);
    public Task ContAsync(CancellationToken ct) => ExecuteAsync("cont", ct);

    /// <summary>"running", "paused", ... as query-status reports it.</summary>
    public async Task<string> StatusAsync(CancellationToken ct) =>
        (await ExecuteAsync("query-status", ct))?["status"]?.GetValue<string>() ?? "?";

    private async Task<JsonNode?> ReadReplyAsync(CancellationToken ct, bool greeting)
    {
        while (true)
        {
            string line = await _reader.ReadLineAsync(ct) ?? throw new StudyException("QMP: QEMU closed the connection");
            var msg = JsonNode.Parse(line)!.AsObject();
            if (greeting && msg.ContainsKey("QMP")) return msg;
            if (msg.TryGetPropertyValue("return", out var ret)) return ret;
            if (msg.TryGetPropertyValue("error", out var err)) throw new StudyException($"QMP: {err?["desc"]}");
            // an asynchronous event ({"event": ...}): not the reply we wait for
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
