using System.Text;
using System.Threading.Channels;
using CliWrap;

namespace FsBench.Host.Channel;

/// <summary>
/// A probe behind a process's stdin/stdout (the probe itself, podman run -i, podman exec -i), run with CliWrap.
/// Arguments are a list; nothing goes through a shell.
/// </summary>
public sealed class ProcessChannel : IProbeChannel
{
    private readonly Channel<string> _toProbe = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly Channel<string> _fromProbe = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();
    private readonly CancellationTokenSource _kill = new();
    private readonly Task<CommandResult> _run;

    public string Describe { get; }
    public int ProcessId { get; }

    public ProcessChannel(Command command)
    {
        Describe = $"{command.TargetFilePath} {command.Arguments}";
        var utf8 = new UTF8Encoding(false);
        var withPipes = command
            .WithStandardInputPipe(PipeSource.Create(async (stdin, ct) =>
            {
                await using var writer = new StreamWriter(stdin, utf8);
                await foreach (var line in _toProbe.Reader.ReadAllAsync(ct))
                {
                    await writer.WriteAsync(line + "\n");
                    await writer.FlushAsync(ct);
                }
            }))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => _fromProbe.Writer.TryWrite(line), utf8))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(_stderr, utf8))
            .WithValidation(CommandResultValidation.None);
        var task = withPipes.ExecuteAsync(_kill.Token);
        ProcessId = task.ProcessId;
        _run = task.Task;
        _run.ContinueWith(_ => _fromProbe.Writer.TryComplete(), TaskScheduler.Default);
    }

    public async Task SendAsync(string line, CancellationToken ct) => await _toProbe.Writer.WriteAsync(line, ct);

    public async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        try { return await _fromProbe.Reader.ReadAsync(ct); }
        catch (ChannelClosedException) { return null; }
    }

    public string ClosedReason
    {
        get
        {
            string exit = _run.IsCompletedSuccessfully ? $"exit code {_run.Result.ExitCode}" : "killed";
            string err = _stderr.ToString().Trim().Split('\n').LastOrDefault() ?? "";
            return err.Length > 0 ? $"{exit}: {err}" : exit;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _toProbe.Writer.TryComplete();
        try { await _run.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (TimeoutException) { await _kill.CancelAsync(); }
        catch (OperationCanceledException) { }
        try { await _run.WaitAsync(TimeSpan.FromSeconds(5)); } catch { /* already reported */ }
        _kill.Dispose();
    }
}
