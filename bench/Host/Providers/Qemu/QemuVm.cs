using System.Diagnostics;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Launches the guest (qemu -daemonize: the command returns once the VM is set up, its PID in qemu.pid) and
/// waits for the guest's "FSBENCH-READY ..." line on the serial console (console.log).
/// </summary>
public static class QemuVm
{
    public const string Exe = "qemu-system-x86_64";
    public const string ReadyMarker = "FSBENCH-READY";
    public const string FailedMarker = "FSBENCH-FAILED";
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(180);

    /// <summary>The guest's ready line, parsed: fs, cache, overlay (metacopy|plain|...), port, kernel, uptime.</summary>
    public sealed record Ready(Dictionary<string, string> Fields, double LaunchSeconds, double BootSeconds);

    public static async Task<Ready> LaunchAsync(QemuCommandLine cmd, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var r = await Tool.RunAsync(Exe, cmd.Qemu(), ct, TimeSpan.FromMinutes(1));
        if (!r.IsSuccess) throw new StudyException($"qemu failed to start (exit {r.ExitCode}): {Tool.LastLine(r.StandardError)}");
        double launched = clock.Elapsed.TotalSeconds;
        int pid = QemuState.ReadPid(cmd.State.QemuPidFile) ?? throw new StudyException("qemu started but wrote no pid file");

        while (true)
        {
            string console = File.Exists(cmd.State.ConsoleLog) ? await File.ReadAllTextAsync(cmd.State.ConsoleLog, ct) : "";
            if (ReadyLine(console) is { } line) return new Ready(Fields(line), launched, clock.Elapsed.TotalSeconds);
            if (console.Contains(FailedMarker)) throw new StudyException($"the guest failed to boot: {cmd.State.ConsoleTail()}");
            if (!ProcessTable.IsAlive(pid)) throw new StudyException($"qemu exited during boot: {cmd.State.ConsoleTail()}");
            if (clock.Elapsed > BootTimeout)
                throw new StudyException($"the guest was not ready within {BootTimeout.TotalSeconds:0} s: {cmd.State.ConsoleTail()}");
            await Task.Delay(100, ct);
        }
    }

    public static string? ReadyLine(string console) =>
        console.Split('\n').FirstOrDefault(l => l.Contains(ReadyMarker))?.Trim();

    public static Dictionary<string, string> Fields(string readyLine) =>
        readyLine[(readyLine.IndexOf(ReadyMarker, StringComparison.Ordinal) + ReadyMarker.Length)..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);

    /// <summary>Every QEMU process of this state: the recorded PID (if it is ours) and anything serving our QMP socket.</summary>
    public static List<int> Pids(QemuState state)
    {
        var pids = ProcessTable.WithArgumentContaining(state.QmpSocket);
        if (QemuState.ReadPid(state.QemuPidFile) is { } recorded && ProcessTable.IsAlive(recorded)
            && ProcessTable.CommandLine(recorded).Any(a => a.Contains(state.QmpSocket))) pids.Add(recorded);
        return pids.Distinct().ToList();
    }

    public static async Task<string> VersionAsync(CancellationToken ct)
    {
        var r = await Tool.RunAsync(Exe, ["--version"], ct, TimeSpan.FromSeconds(10));
        return r.StandardOutput.Split('\n')[0].Replace("QEMU emulator version", "").Trim();
    }
}
