using FsBench.Host.Providers;
using FsBench.Host.Providers.Podman;
using FsBench.Host.Study;

namespace FsBench.Tests.Host;

/// <summary>The podman command lines, checked without podman.</summary>
public sealed class PodmanCommandsTests
{
    private readonly PodmanCommands _cmds = new("localhost/fsbench-probe:1", UseRunc: true, RunId: "r1");

    [Theory]
    [InlineData(MountModes.Bind, "/scratch:/w")]
    [InlineData(MountModes.Overlay, "/scratch:/w:O")]
    [InlineData(MountModes.Volume, "fsbench-r1:/w")]
    public void Each_mount_mode_becomes_its_volume_flag(string mount, string volume)
    {
        var args = _cmds.RunProbe(mount, "/scratch", "/opt/probe");
        int i = args.LastIndexOf("-v");
        Assert.Equal(volume, args[i + 1]);
        Assert.Equal(["--runtime", "runc", "run", "--rm", "-i"], args.Take(5));
        Assert.Contains("/opt/probe:/probe:ro", args);
        Assert.Equal(["localhost/fsbench-probe:1", "/probe/fsprobe", "--root", "/w"], args.TakeLast(4));
        Assert.Contains("fsbench.run=r1", args);
    }

    [Fact]
    public void Without_runc_no_runtime_flag_is_passed()
    {
        var args = new PodmanCommands("img", UseRunc: false, RunId: "r").RunProbe(MountModes.Bind, "/s", "/p");
        Assert.Equal("run", args[0]);
    }

    [Fact]
    public void An_unknown_mount_mode_is_refused()
    {
        Assert.Throws<StudyException>(() => _cmds.RunProbe("nfs", "/s", "/p"));
    }

    [Fact]
    public void Ldd_output_gives_the_files_to_copy_into_the_image()
    {
        // ldd of the NativeAOT probe on Debian 12 (x86_64)
        const string ldd = """
                	linux-vdso.so.1 (0x00007ffd6a9e2000)
                	libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f0c1f8f1000)
                	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c1f710000)
                	/lib64/ld-linux-x86-64.so.2 (0x00007f0c1fde5000)
                """;
        Assert.Equal(["/lib/x86_64-linux-gnu/libm.so.6", "/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"],
            PodmanImage.ParseLdd(ldd));
    }

    [Fact]
    public async Task A_missing_podman_is_reported_with_its_remedy()
    {
        var reason = await new PodmanProvider(podman: "podman-not-installed-here").UnavailableReasonAsync(CancellationToken.None);
        Assert.NotNull(reason);
        Assert.Contains("not installed", reason);
        Assert.Contains("apt-get install podman", reason);
    }

    [Fact]
    public void An_unknown_provider_is_a_one_line_error()
    {
        var e = Assert.Throws<StudyException>(() => ProviderCatalog.Create("vmware"));
        Assert.Contains("unknown provider 'vmware'", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
