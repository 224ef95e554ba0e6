namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>The result of one external command: exit code, output and how long it took.</summary>
public sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Took)
{
    public bool IsSuccess => ExitCode == 0;
}

/// <summary>
/// What the Mac study runs: podman (machine commands, built by <see cref="MachineCommands"/>), this host as a child
/// process for each measuring step, the analysis, and the preflight. On a Mac these are the real tools
/// (<see cref="RealMacStudyTools"/>); the tests drive the same runner against podman's captured outputs.
/// </summary>
public interface IMacStudyTools
{
    PodmanVersion Podman { get; }
    Task<ToolRun> PodmanAsync(Invocation inv, CancellationToken ct, string? stdin = null);
    /// <summary>Runs `fsbench ARGS` (this host) with extra environment; its output goes to <paramref name="logPath"/>.</summary>
    Task<int> HostAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, string logPath, CancellationToken ct);
    Task<int> AnalysisAsync(IReadOnlyList<string> args, CancellationToken ct);
    Task<List<PreflightCheck>> PreflightAsync(CancellationToken ct);
}
