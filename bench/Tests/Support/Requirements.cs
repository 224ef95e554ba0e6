using FsBench.Host.Providers;

namespace FsBench.Tests.Support;

/// <summary>
/// What a test needs from the machine. A test whose need is unmet is reported as skipped with the reason
/// (xunit prints it), never passed silently.
/// </summary>
public static class Requirements
{
    /// <summary>The repository root (the folder holding Bench.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The NativeAOT probe that ./run-bench.sh builds (needed inside containers and guests).</summary>
    public static string AotProbe =>
        Environment.GetEnvironmentVariable("FSBENCH_PROBE") is { Length: > 0 } p ? p : Path.Combine(RepoRoot, ".cache/probe/linux-x64/fsprobe");

    /// <summary>The host as built next to the tests (its command line alone).</summary>
    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "FsBench.Host.dll");

    /// <summary>The host in its own build output, as ./run-bench.sh runs it (whole runs: BenchmarkDotNet builds beside it).</summary>
    public static string BuiltHostDll => Path.Combine(RepoRoot, "bench/Host/bin/Release/net10.0/FsBench.Host.dll");

    /// <summary>The probe as built next to the tests (framework-dependent; always there).</summary>
    public static string ManagedProbe => Path.Combine(AppContext.BaseDirectory, "fsprobe.dll");

    public static string? MissingAotProbe() =>
        File.Exists(AotProbe) ? null : $"the NativeAOT probe {AotProbe} is not built (./run-bench.sh test builds it)";

    public static string? MissingPodman()
    {
        var reason = new FsBench.Host.Providers.Podman.PodmanProvider().UnavailableReasonAsync(CancellationToken.None).GetAwaiter().GetResult();
        return reason ?? MissingAotProbe();
    }

    /// <summary>The arm64 user-mode emulator and the arm64 cross libc (Debian qemu-user-static, libc6-arm64-cross).</summary>
    public const string Arm64Libs = "/usr/aarch64-linux-gnu";

    public static string? MissingQemuAarch64() =>
        !OperatingSystem.IsLinux() ? "qemu-aarch64 user emulation runs on Linux"
        : !File.Exists("/usr/bin/qemu-aarch64-static") ? "qemu-aarch64-static is missing (apt-get install qemu-user-static)"
        : !File.Exists(Path.Combine(Arm64Libs, "lib", "libc.so.6")) ? "the arm64 cross libc is missing (apt-get install libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross)"
        : null;

    /// <summary>Both QEMU providers can run here and the guest builds (built once per test process; cached on disk).</summary>
    public static string? MissingQemu() => QemuMissing.Value;

    private static readonly Lazy<string?> QemuMissing = new(() =>
    {
        foreach (var t in new[] { FsBench.Host.Providers.Qemu.QemuTransport.VirtioFs, FsBench.Host.Providers.Qemu.QemuTransport.NineP })
            if (new FsBench.Host.Providers.Qemu.QemuProvider(t).UnavailableReasonAsync(CancellationToken.None).GetAwaiter().GetResult() is { } reason)
                return reason;
        if (MissingAotProbe() is { } probe) return probe;
        try
        {
            FsBench.Host.Providers.Qemu.GuestImage.EnsureAsync(AotProbe, CancellationToken.None).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) { return $"the QEMU guest cannot be built: {e.Message}"; }
    });

    /// <summary>The fault model library (./run-bench.sh setup builds it) and a C compiler for its test driver.</summary>
    public static string? MissingFaultModel()
    {
        if (!OperatingSystem.IsLinux()) return "the fault model preloads into Linux's virtiofsd";
        if (FsBench.Host.Providers.Qemu.FaultModel.Library() is null) return "the fault model library is not built (./run-bench.sh setup)";
        return File.Exists("/usr/bin/cc") || File.Exists("/usr/bin/clang") ? null : "no C compiler for the test driver (apt-get install clang)";
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Null when this machine has what <paramref name="requirement"/> names; otherwise what is missing (the skip reason).</summary>
    public static string? Missing(string requirement) => requirement switch
    {
        "aot-probe" => MissingAotProbe(),
        "podman" => MissingPodman(),
        "qemu" => MissingQemu(),
        "qemu-aarch64" => MissingQemuAarch64(),
        "root" => IsRoot ? null : "expects what root sees, as the study runs the probe in guests and containers",
        "linux" => OperatingSystem.IsLinux() ? null : "asserts what a Linux host has (no podman machine, /proc)",
        "not-macos" => OperatingSystem.IsMacOS() ? "on a Mac the study's machines may be running, or the Mac may really sleep" : null,
        "faultmodel" => MissingFaultModel(),
        "tmpfs-shm" => FsBench.Host.Study.ScratchPlace.DefaultRoot() == FsBench.Host.Study.ScratchPlace.TmpfsRoot ? null : "needs Linux with /dev/shm on tmpfs and 1 GiB free in it",
        "qemu+faultmodel" => MissingQemu() ?? MissingFaultModel(),
        _ => $"unknown requirement '{requirement}'",
    };

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Bench.sln"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A fact that is skipped, with its reason, when <paramref name="requirement"/> names something missing.</summary>
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(string requirement) => Skip = Requirements.Missing(requirement);
}

/// <summary>A theory that is skipped, with its reason, when <paramref name="requirement"/> names something missing.</summary>
public sealed class RequiresTheoryAttribute : TheoryAttribute
{
    public RequiresTheoryAttribute(string requirement) => Skip = Requirements.Missing(requirement);
}
