using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// How the guest reaches the host directory: virtio-fs (virtiofsd over vhost-user-fs) or virtio-9p (QEMU's
/// built-in server). Each has its own cache modes; the default is the server's own default, overridable
/// with an environment variable.
/// </summary>
public sealed record QemuTransport(string ProviderName, string GuestFs, string[] CacheModes, string DefaultCache, string CacheVariable)
{
    /// <summary>virtiofsd -o cache=none|auto|always; auto is virtiofsd's default (close-to-open coherence).</summary>
    public static readonly QemuTransport VirtioFs = new("qemu-virtiofs", "virtiofs", ["none", "auto", "always"], "auto", "FSBENCH_QEMU_VIRTIOFS_CACHE");

    /// <summary>mount -t 9p -o cache=none|loose|mmap; none is the kernel's default (every op goes to the server).</summary>
    public static readonly QemuTransport NineP = new("qemu-9p", "9p", ["none", "loose", "mmap"], "none", "FSBENCH_QEMU_9P_CACHE");

    public bool IsVirtioFs => GuestFs == "virtiofs";

    /// <summary>The cache mode for this run: the environment variable if set (checked), else the default.</summary>
    public string Cache()
    {
        string? chosen = Environment.GetEnvironmentVariable(CacheVariable);
        if (string.IsNullOrWhiteSpace(chosen)) return DefaultCache;
        return CacheModes.Contains(chosen.Trim()) ? chosen.Trim()
            : throw new StudyException($"{CacheVariable}={chosen} is not a {GuestFs} cache mode ({string.Join("|", CacheModes)})");
    }
}
