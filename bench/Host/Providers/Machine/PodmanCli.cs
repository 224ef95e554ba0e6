using System.Diagnostics;
using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Host.Providers.Machine;

/// <summary>Runs an <see cref="Invocation"/> of podman with CliWrap (argument list and extra environment), timed.</summary>
public sealed class PodmanCli(string podman = "podman")
{
    public string Exe => podman;

    public async Task<(BufferedCommandResult Result, TimeSpan Took)> RunAsync(Invocation inv, CancellationToken ct, TimeSpan? timeout = null)
    {
        if (inv.Args is ["machine", ..])   // a frozen VMM would hang it until SIGCONT
            await FreezeLedger.WaitUntilThawedAsync(MachineSettings.FromEnvironment().Workspace, TimeSpan.FromMinutes(15), Console.Error.WriteLine, ct);
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        var sw = Stopwatch.StartNew();
        try
        {
            var r = await Cli.Wrap(podman).WithArguments(inv.Args).WithEnvironmentVariables(inv.Env.ToDictionary(e => e.Key, e => (string?)e.Value))
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cts.Token);
            return (r, sw.Elapsed);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new Study.StudyException($"{inv} did not finish within {limit.TotalMinutes:0} min");
        }
    }

    /// <summary>Like <see cref="RunAsync"/>, but a non-zero exit is an error naming the command and its last stderr line.</summary>
    public async Task<(string Output, TimeSpan Took)> OutputAsync(Invocation inv, CancellationToken ct, TimeSpan? timeout = null)
    {
        var (r, took) = await RunAsync(inv, ct, timeout);
        if (!r.IsSuccess) throw new Study.StudyException($"{inv} failed (exit {r.ExitCode}): {Tool.LastLine(r.StandardError)}");
        return (r.StandardOutput, took);
    }

    public async Task<PodmanVersion?> VersionAsync(CancellationToken ct)
    {
        if (!Tool.OnPath(podman) && !File.Exists(podman)) return null;
        try
        {
            var r = await Tool.RunAsync(podman, ["version", "--format", "{{.Client.Version}}"], ct, TimeSpan.FromSeconds(20));
            if (r.IsSuccess && PodmanVersion.Parse(r.StandardOutput) is { } v) return v;
            // `podman version` also asks the server; without a running machine it fails, --version does not.
            var plain = await Tool.RunAsync(podman, ["--version"], ct, TimeSpan.FromSeconds(20));
            return plain.IsSuccess ? PodmanVersion.Parse(plain.StandardOutput) : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
