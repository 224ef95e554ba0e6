using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Host.Study;

/// <summary>Where a run happens: host, OS, kernel, CPU, virtualization, git commit. For the manifest.</summary>
public static class HostFacts
{
    public static JsonObject Host() => new()
    {
        ["hostname"] = Environment.MachineName,
        ["os"] = OsName(),
        ["kernel"] = ReadTrim("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription,
        ["arch"] = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
        ["cpu"] = CpuInfoField("model name") ?? "unknown",
        ["cores"] = Environment.ProcessorCount,
        ["memory_bytes"] = MemTotalBytes(),
        ["loadavg_at_start"] = LoadAverage(),
    };

    /// <summary>/proc/loadavg's 1, 5 and 15 minute averages: other work on the machine skews a run.</summary>
    public static string LoadAverage() =>
        string.Join(" ", (ReadTrim("/proc/loadavg") ?? "").Split(' ').Take(3));

    public static JsonObject Virtualization()
    {
        string flags = CpuInfoField("flags") ?? "";
        bool hw = flags.Split(' ').Any(f => f is "vmx" or "svm");
        bool hostIsVm = flags.Split(' ').Contains("hypervisor");
        return new JsonObject
        {
            ["host_is_vm"] = hostIsVm,
            ["hardware_virt"] = hw,
            ["dev_kvm"] = File.Exists("/dev/kvm"),
            ["notes"] = hw ? "the CPU offers hardware virtualization"
                : "no VT-x/AMD-V visible: guests run under software emulation, so report ratios against local, not absolute times",
        };
    }

    public static async Task<JsonObject> GitAsync(string repoDir)
    {
        var commit = await Cli.Wrap("git").WithArguments(["-C", repoDir, "rev-parse", "HEAD"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        var status = await Cli.Wrap("git").WithArguments(["-C", repoDir, "status", "--porcelain", "--untracked-files=no"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        return new JsonObject
        {
            ["commit"] = commit.IsSuccess ? commit.StandardOutput.Trim() : "unknown",
            ["dirty"] = status.IsSuccess && status.StandardOutput.Trim().Length > 0,
        };
    }

    public static JsonObject Tools() => new()
    {
        ["dotnet"] = Environment.Version.ToString(),
        ["benchmarkdotnet"] = typeof(BenchmarkDotNet.Running.BenchmarkRunner).Assembly.GetName().Version?.ToString(),
        ["cliwrap"] = typeof(Cli).Assembly.GetName().Version?.ToString(),
    };

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
