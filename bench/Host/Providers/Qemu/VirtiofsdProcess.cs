using System.Diagnostics;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// The C virtiofsd (QEMU 7.2's, /usr/lib/qemu/virtiofsd), run in the foreground as our child with its output
/// appended to virtiofsd.log. It runs as two processes: a monitor (the PID we start) and a sandboxed worker
/// (its child, in a new PID namespace) that serves the requests: stalling or killing the server means both.
/// </summary>
public static class VirtiofsdProcess
{
    public const string DefaultPath = "/usr/lib/qemu/virtiofsd";

    public static string PathOnThisHost =>
        Environment.GetEnvironmentVariable("FSBENCH_VIRTIOFSD") is { Length: > 0 } p ? p : DefaultPath;

    /// <summary>Starts it and waits until its vhost-user socket exists; returns the monitor's PID.</summary>
    /// <param name="environment">Extra environment (the fault model's LD_PRELOAD and its files), or null.</param>
    public static async Task<int> StartAsync(QemuCommandLine cmd, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(PathOnThisHost)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in cmd.Virtiofsd()) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var log = new StreamWriter(new FileStream(cmd.State.VirtiofsdLog, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = Process.Start(psi) ?? throw new StudyException($"cannot start {PathOnThisHost}");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        await File.WriteAllTextAsync(cmd.State.VirtiofsdPidFile, process.Id.ToString(), ct);

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!File.Exists(cmd.State.VirtiofsdSocket))
        {
            if (process.HasExited)
                throw new StudyException($"virtiofsd exited at start (exit {process.ExitCode}): {LastLogLine(cmd.State)}");
            if (DateTime.UtcNow > until) throw new StudyException($"virtiofsd made no socket within 15 s: {LastLogLine(cmd.State)}");
            await Task.Delay(20, ct);
        }
        return process.Id;
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) { try { log.WriteLine(line); } catch (ObjectDisposedException) { } catch (IOException) { } }
    }

    /// <summary>Every virtiofsd process of this state: the recorded monitor, anything holding our socket path, and their children.</summary>
    public static List<int> Pids(QemuState state)
    {
        var pids = ProcessTable.WithArgumentContaining($"--socket-path={state.VirtiofsdSocket}");
        if (QemuState.ReadPid(state.VirtiofsdPidFile) is { } recorded && ProcessTable.IsAlive(recorded)
            && ProcessTable.CommandLine(recorded).Any(a => a.Contains(state.VirtiofsdSocket))) pids.Add(recorded);
        foreach (var pid in pids.ToList()) pids.AddRange(ProcessTable.Children(pid));
        return pids.Distinct().Where(ProcessTable.IsAlive).ToList();
    }

    public static string LastLogLine(QemuState state) =>
        File.Exists(state.VirtiofsdLog) ? Tool.LastLine(File.ReadAllText(state.VirtiofsdLog)) : "(no log)";

    public static async Task<string> VersionAsync(CancellationToken ct)
    {
        var r = await Tool.RunAsync(PathOnThisHost, ["--version"], ct, TimeSpan.FromSeconds(10));
        string first = (r.StandardOutput + r.StandardError).Split('\n').FirstOrDefault(l => l.Contains("version")) ?? "?";
        return first.Replace("virtiofsd version", "").Trim();
    }
}
