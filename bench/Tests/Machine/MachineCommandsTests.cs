using FsBench.Host.Providers;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Providers.Podman;

namespace FsBench.Tests.Machine;

/// <summary>The podman machine command lines, checked without podman or a Mac.</summary>
public sealed class MachineCommandsTests
{
    private static readonly MachineSettings Settings = new() { Cpus = 6, MemoryMiB = 8192, DiskGiB = 60 };

    [Fact]
    public void Podman_5_chooses_the_provider_by_environment_variable_only()
    {
        var init = new MachineCommands("libkrun", "fsbench-libkrun", PodmanVersion.Parse("5.4.2")!).Init(Settings);
        Assert.DoesNotContain("--provider", init.Args);
        Assert.Equal("libkrun", init.Env[MachineCommands.ProviderVar]);
        Assert.Equal(["machine", "init", "--cpus", "6", "--memory", "8192", "--disk-size", "60", "fsbench-libkrun"], init.Args);
    }

    [Fact]
    public void Podman_6_passes_the_provider_flag_to_init()
    {
        var init = new MachineCommands("applehv", "fsbench-applehv", PodmanVersion.Parse("podman version 6.0.2")!).Init(Settings);
        Assert.Equal(["machine", "init", "--provider", "applehv"], init.Args.Take(4));
        Assert.Equal("fsbench-applehv", init.Args[^1]);
    }

    [Fact]
    public void Every_machine_command_names_the_study_machine_and_its_provider()
    {
        var cmds = new MachineCommands("applehv", MachineCommands.MachineNameFor("applehv"), PodmanVersion.Parse("5.2.0")!);
        foreach (var inv in new[] { cmds.Start(), cmds.Stop(), cmds.Inspect(), cmds.Remove() })
        {
            Assert.Equal("fsbench-applehv", inv.Args[^1]);
            Assert.Equal("machine", inv.Args[0]);
            Assert.Equal("applehv", inv.Env[MachineCommands.ProviderVar]);
        }
        Assert.Equal(["machine", "rm", "--force", "fsbench-applehv"], cmds.Remove().Args);
        Assert.Equal("CONTAINERS_MACHINE_PROVIDER=applehv podman machine stop fsbench-applehv", cmds.Stop().ToString());
    }

    [Theory]
    [InlineData("5.2.1", false)]
    [InlineData("5.3.0", true)]
    [InlineData("6.0.0", false)]   // lists every provider by default
    public void Listing_every_provider_needs_the_flag_only_on_podman_5_3_to_5_x(string version, bool flag)
    {
        var args = MachineCommands.ListAll(PodmanVersion.Parse(version)!).Args;
        Assert.Equal(flag, args.Contains("--all-providers"));
        Assert.Equal(["--format", "json"], args.TakeLast(2));
    }

    [Theory]
    [InlineData("podman version 5.2.1", 5, 2)]
    [InlineData("6.0.0-dev", 6, 0)]
    [InlineData("4.3.1\n", 4, 3)]
    public void Versions_are_read_from_podmans_output(string text, int major, int minor)
    {
        var v = PodmanVersion.Parse(text)!;
        Assert.Equal((major, minor), (v.Major, v.Minor));
    }

    [Fact]
    public void Containers_on_a_machine_go_through_its_connection_in_every_mount_mode()
    {
        var cmds = new PodmanCommands("docker.io/library/debian:bookworm-slim", UseRunc: false, RunId: "r1", Connection: "fsbench-libkrun");
        foreach (var mount in MountModes.All)
        {
            var args = cmds.RunProbe(mount, "/Users/me/fsbench-work/r1/libkrun/scratch", "/Users/me/fsbench-work/r1/libkrun/probe");
            Assert.Equal(["--connection", "fsbench-libkrun", "run", "--rm", "-i"], args.Take(5));
            Assert.Equal(cmds.WorkspaceVolume(mount, "/Users/me/fsbench-work/r1/libkrun/scratch"), args[args.LastIndexOf("-v") + 1]);
        }
        Assert.Equal(["--connection", "fsbench-libkrun", "volume", "create"], cmds.CreateVolume().Take(4));
        Assert.Equal(["--connection", "fsbench-libkrun", "pull", "--quiet", "docker.io/library/debian:bookworm-slim"], cmds.PullImage());
    }

    [Fact]
    public void Settings_come_from_the_environment_and_the_guest_probe_sits_beside_the_host_probe()
    {
        var env = new Dictionary<string, string> { ["FSBENCH_MACHINE_CPUS"] = "2", ["FSBENCH_MACHINE_IMAGE"] = "registry.fedoraproject.org/fedora-minimal", ["FSBENCH_MACHINE_MEMORY_MIB"] = "nonsense" };
        var s = MachineSettings.FromEnvironment(k => env.GetValueOrDefault(k));
        Assert.Equal(2, s.Cpus);
        Assert.Equal(4096, s.MemoryMiB);
        Assert.Equal("registry.fedoraproject.org/fedora-minimal", s.Image);
        Assert.Equal("/repo/.cache/probe/linux-arm64/fsprobe", s.GuestProbeFor("/repo/.cache/probe/osx-arm64/fsprobe"));
    }
}
