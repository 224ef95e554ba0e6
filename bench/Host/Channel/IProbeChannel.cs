namespace FsBench.Host.Channel;

/// <summary>A duplex line channel to one probe: a child's stdin/stdout, a virtio-serial socket, podman exec -i.</summary>
public interface IProbeChannel : IAsyncDisposable
{
    /// <summary>Where the channel goes, for error messages ("podman run ... fsbench-probe").</summary>
    string Describe { get; }
    Task SendAsync(string line, CancellationToken ct);
    /// <summary>The next line, or null when the other side has gone (the reason is in <see cref="ClosedReason"/>).</summary>
    Task<string?> ReceiveAsync(CancellationToken ct);
    string ClosedReason { get; }
}
