using System.Security.Cryptography;
using System.Text;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Where one QEMU provider keeps its run state: &lt;StateDir&gt;/&lt;provider&gt;/ holds PID files, logs and the
/// console; the unix sockets go there too unless the path is too long for a socket address (108 bytes),
/// then into /tmp/fsbench-qemu-&lt;hash of the state dir&gt;/. Start writes it; each BenchmarkDotNet child reads it.
/// </summary>
public sealed class QemuState
{
    private const int MaxSocketPath = 100;

    public string Dir { get; }
    public string SocketDir { get; }

    public QemuState(string stateDir, string provider)
    {
        Dir = Path.GetFullPath(Path.Combine(stateDir, provider));
        SocketDir = Path.Combine(Dir, "virtiofsd.sock").Length <= MaxSocketPath ? Dir
            : Path.Combine(Path.GetTempPath(), "fsbench-qemu-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Dir)))[..12].ToLowerInvariant());
    }

    public static QemuState For(ProviderContext ctx, string provider) => new(ctx.StateDir, provider);

    public string QmpSocket => Path.Combine(SocketDir, "qmp.sock");
    public string ProbeSocket => Path.Combine(SocketDir, "probe.sock");
    public string VirtiofsdSocket => Path.Combine(SocketDir, "virtiofsd.sock");
    public string QemuPidFile => Path.Combine(Dir, "qemu.pid");
    public string VirtiofsdPidFile => Path.Combine(Dir, "virtiofsd.pid");
    public string ConsoleLog => Path.Combine(Dir, "console.log");
    public string VirtiofsdLog => Path.Combine(Dir, "virtiofsd.log");
    public string TrialLog => Path.Combine(Dir, "accel-trial.log");

    /// <summary>Every file this state may hold: removed before a start and after a stop (and nothing else is).</summary>
    public IEnumerable<string> Files => [QmpSocket, ProbeSocket, VirtiofsdSocket, QemuPidFile, VirtiofsdPidFile];

    public void Create()
    {
        Directory.CreateDirectory(Dir);
        Directory.CreateDirectory(SocketDir);
    }

    public void RemoveStaleFiles()
    {
        foreach (var f in Files) if (File.Exists(f)) File.Delete(f);
    }

    public static int? ReadPid(string pidFile) =>
        File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid) ? pid : null;

    /// <summary>The last lines of the guest console, for error messages.</summary>
    public string ConsoleTail(int lines = 5)
    {
        if (!File.Exists(ConsoleLog)) return "(no console output)";
        var all = File.ReadAllLines(ConsoleLog).Where(l => l.Trim().Length > 0).ToArray();
        return all.Length == 0 ? "(no console output)" : string.Join(" | ", all.TakeLast(lines).Select(l => l.Trim()));
    }
}
