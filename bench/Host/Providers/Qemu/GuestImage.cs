using System.Diagnostics;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>What bench/guest/build-guest.sh built: the PVH vmlinux, the initramfs and what they came from.</summary>
public sealed record GuestImage(string Dir, Dictionary<string, string> Facts, double BuildSeconds, bool WasCached)
{
    public string Kernel => Path.Combine(Dir, "vmlinux");
    public string Initrd => Path.Combine(Dir, "initramfs.cpio.gz");
    /// <summary>The empty ext4 image the guest's overlay keeps its upper layer on (booted with snapshot=on, never written).</summary>
    public string UpperDisk => Path.Combine(Dir, "upper.img");
    public string KernelRelease => Facts.GetValueOrDefault("KERNEL_RELEASE", "?");
    public string KernelPackageVersion => Facts.GetValueOrDefault("KERNEL_VERSION", "?");

    /// <summary>The build script, found by walking up from the host's binaries (or the working directory) to the repository.</summary>
    public static string? BuildScript() => RepositoryPath.Find(Path.Combine("bench", "guest", "build-guest.sh"));

    /// <summary>Builds the guest if an input changed (the script decides, under a lock), else reuses the cache.</summary>
    public static async Task<GuestImage> EnsureAsync(string probePath, CancellationToken ct)
    {
        string script = BuildScript() ?? throw new StudyException("bench/guest/build-guest.sh not found above the host binaries");
        if (!File.Exists(probePath))
            throw new StudyException($"the NativeAOT probe {probePath} is missing (dotnet publish bench/Probe -c Release -r linux-x64 -p:PublishAot=true -o .cache/probe/linux-x64)");
        var clock = Stopwatch.StartNew();
        var r = await Tool.RunAsync("bash", [script, "--probe", probePath], ct, TimeSpan.FromMinutes(10));
        if (!r.IsSuccess)
            throw new StudyException($"building the QEMU guest failed: {Tool.LastLine(r.StandardError)} (bash {script} --probe {probePath})");
        string dir = Tool.LastLine(r.StandardOutput);
        var facts = ReadFacts(Path.Combine(dir, "guest.env"));
        return new GuestImage(dir, facts, clock.Elapsed.TotalSeconds, r.StandardError.Contains("up to date"));
    }

    public static Dictionary<string, string> ReadFacts(string envFile) =>
        File.ReadAllLines(envFile).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
}
