using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FsBench.Host.Channel;
using FsBench.Protocol;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// The probe in the guest, behind the virtio-serial port's chardev: a unix socket QEMU listens on. Each
/// session (each BenchmarkDotNet child) connects anew; the guest starts one probe per connection and
/// writes "fsbench-port-ready" first, a line this channel skips. Connecting ends with a hello exchange that
/// skips anything else: a reply the guest could not deliver to a previous, vanished session arrives first.
/// </summary>
public sealed class SocketChannel : IProbeChannel
{
    public const string ReadyMarker = "fsbench-port-ready";

    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;
    private string _closed = "the guest closed the virtio-serial channel";

    public string Describe { get; }

    private SocketChannel(Socket socket, string path)
    {
        _socket = socket;
        Describe = $"virtio-serial {path}";
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public static async Task<SocketChannel> ConnectAsync(string socketPath, TimeSpan timeout, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        SocketChannel? channel = null;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cts.Token);
            channel = new SocketChannel(socket, socketPath);
            await channel.SendAsync(JsonSerializer.Serialize(new ProbeRequest { Cmd = "hello" }, ProtocolJson.Default.ProbeRequest), cts.Token);
            while (true)
            {
                string line = await channel.ReceiveAsync(cts.Token)
                              ?? throw new ProbeChannelException($"the guest closed {socketPath} before the probe said hello");
                if (line.StartsWith('{') && ProtocolJson.ReplyType(line) == "hello") return channel;
            }
        }
        catch (Exception e)
        {
            if (channel is not null) await channel.DisposeAsync(); else socket.Dispose();
            if (e is OperationCanceledException && !ct.IsCancellationRequested)
                throw new ProbeChannelException($"the probe in the guest did not say hello within {timeout.TotalSeconds:0} s [{socketPath}]");
            if (e is SocketException or JsonException) throw new ProbeChannelException($"cannot reach the probe at {socketPath}: {e.Message}");
            throw;
        }
    }

    public async Task SendAsync(string line, CancellationToken ct)
    {
        try
        {
            await _writer.WriteLineAsync(line.AsMemory(), ct);
            await _writer.FlushAsync(ct);
        }
        catch (IOException e) { throw new ProbeChannelException($"cannot write to the probe ({e.Message}) [{Describe}]"); }
    }

    public async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        try
        {
            while (await _reader.ReadLineAsync(ct) is { } line)
                if (line.Length > 0 && line != ReadyMarker) return line;
            return null;
        }
        catch (IOException e)
        {
            _closed = e.Message;
            return null;
        }
    }

    public string ClosedReason => _closed;

    public ValueTask DisposeAsync()
    {
        try { _socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { }
        try { _writer.Dispose(); } catch (IOException) { }
        _reader.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
