using System.Diagnostics;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>The real tools on a Mac: podman, this host as a child process (`dotnet FsBench.Host.dll ...`), the analysis.</summary>
public sealed class RealMacStudyTools(PodmanVersion podman, string? analysisDll, Func<CancellationToken, Task<List<PreflightCheck>>> preflight) : IMacStudyTools
{
    public PodmanVersion Podman => podman;

    public async Task<ToolRun> PodmanAsync(Invocation inv, CancellationToken ct, string? stdin = null)
    {
        if (inv.Args is ["machine", ..])   // a frozen VMM would hang it until SIGCONT
            await FreezeLedger.WaitUntilThawedAsync(MachineSettings.FromEnvironment().Workspace, TimeSpan.FromMinutes(15), Console.Error.WriteLine, ct);
        var sw = Stopwatch.StartNew();
        var cmd = Cli.Wrap("podman").WithArguments(inv.Args).WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(inv.Env.ToDictionary(e => e.Key, e => (string?)e.Value));
        if (stdin is not null) cmd = cmd.WithStandardInputPipe(PipeSource.FromString(stdin));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(inv.Args is ["machine", "init", ..] ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(15));
        var r = await cmd.ExecuteBufferedAsync(cts.Token);
        return new ToolRun(r.ExitCode, r.StandardOutput, r.StandardError, sw.Elapsed);
    }

    public async Task<int> HostAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, string logPath, CancellationToken ct)
    {
        string self = typeof(RealMacStudyTools).Assembly.Location;
        await using var log = File.Open(logPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        var echo = PipeTarget.Merge(PipeTarget.ToStream(log), PipeTarget.ToDelegate(l => Console.WriteLine($"  {l}"), Encoding.UTF8));
        var r = await Cli.Wrap(Environment.ProcessPath ?? "dotnet").WithArguments([self, .. args])
            .WithEnvironmentVariables(env.ToDictionary(e => e.Key, e => (string?)e.Value))
            .WithStandardOutputPipe(echo).WithStandardErrorPipe(echo)
            .WithValidation(CommandResultValidation.None).ExecuteAsync(ct);
        return r.ExitCode;
    }

    public async Task<int> AnalysisAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (analysisDll is null || !File.Exists(analysisDll)) throw new Study.StudyException($"the analysis is not built ({analysisDll ?? "no --analysis"}): ./run-bench.sh setup");
        var r = await Cli.Wrap(Environment.ProcessPath ?? "dotnet").WithArguments([analysisDll, .. args])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Console.WriteLine)).WithStandardErrorPipe(PipeTarget.ToDelegate(Console.Error.WriteLine))
            .WithValidation(CommandResultValidation.None).ExecuteAsync(ct);
        return r.ExitCode;
    }

    public Task<List<PreflightCheck>> PreflightAsync(CancellationToken ct) => preflight(ct);
}
