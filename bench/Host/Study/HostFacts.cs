using System.Runtime.InteropServices;
using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Host.Study;

/// <summary>Where a run happens: host, OS, kernel, CPU, virtualization, git commit. For the manifest.</summary>
public static class HostFacts
{
    public static HostInfo Host() => new()
    {
        Hostname = Environment.MachineName,
        Os = OsName(),
        Kernel = ReadTrim("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription,
        Arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        Cpu = CpuInfoField("model name") ?? "unknown",
        Cores = Environment.ProcessorCount,
        MemoryBytes = MemTotalBytes(),
        LoadavgAtStart = LoadAverage(),
    };

    /// <summary>/proc/loadavg's 1, 5 and 15 minute averages: other work on the machine skews a run.</summary>
    public static string LoadAverage() =>
        string.Join(" ", (ReadTrim("/proc/loadavg") ?? "").Split(' ').Take(3));

    public static VirtualizationInfo Virtualization()
    {
        string flags = CpuInfoField("flags") ?? "";
        bool hw = flags.Split(' ').Any(f => f is "vmx" or "svm");
        bool hostIsVm = flags.Split(' ').Contains("hypervisor");
        return new VirtualizationInfo
        {
            HostIsVm = hostIsVm,
            HardwareVirt = hw,
            DevKvm = File.Exists("/dev/kvm"),
            Notes = hw ? "the CPU offers hardware virtualization"
                : "no VT-x/AMD-V visible: guests run under software emulation, so report ratios against local, not absolute times",
        };
    }

    public static async Task<GitInfo> GitAsync(string repoDir)
    {
        var commit = await Cli.Wrap("git").WithArguments(["-C", repoDir, "rev-parse", "HEAD"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        var status = await Cli.Wrap("git").WithArguments(["-C", repoDir, "status", "--porcelain", "--untracked-files=no"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return new GitInfo
        {
            Commit = commit.IsSuccess ? commit.StandardOutput.Trim() : "unknown",
            Dirty = status.IsSuccess && status.StandardOutput.Trim().Length > 0,
        };
    }

    public static Dictionary<string, System.Text.Json.JsonElement> Tools() => ManifestValues.Of(new Dictionary<string, string>
    {
        ["dotnet"] = Environment.Version.ToString(),
        ["benchmarkdotnet"] = typeof(BenchmarkDotNet.Running.BenchmarkRunner).Assembly.GetName().Version?.ToString() ?? "unknown",
        ["cliwrap"] = typeof(Cli).Assembly.GetName().Version?.ToString() ?? "unknown",
    });

    private static string OsName()
    {
        var line = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            : null;
        return line?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static string? CpuInfoField(string name) =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;

    private static long MemTotalBytes()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:")) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    private static string? ReadTrim(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
