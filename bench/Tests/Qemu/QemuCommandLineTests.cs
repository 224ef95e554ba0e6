using FsBench.Host.Providers;
using FsBench.Host.Providers.Qemu;

namespace FsBench.Tests.Qemu;

/// <summary>The qemu and virtiofsd argument lists, checked without running anything.</summary>
public sealed class QemuCommandLineTests
{
    private static readonly QemuState State = new("/run/fsb/state", "qemu-virtiofs");

    private static QemuCommandLine Line(QemuTransport t, string accel = "tcg") =>
        new(t, t.DefaultCache, accel, "/g/vmlinux", "/g/initramfs.cpio.gz", State, "/scratch/run/share");

    private static string After(List<string> args, string flag) => args[args.IndexOf(flag) + 1];

    [Fact]
    public void Virtio_fs_shares_guest_memory_with_virtiofsd_and_boots_the_pvh_kernel_under_tcg_with_one_cpu()
    {
        var args = Line(QemuTransport.VirtioFs).Qemu();
        Assert.Equal("tcg", After(args, "-accel"));
        Assert.Equal("max", After(args, "-cpu"));
        Assert.Equal("1", After(args, "-smp"));
        Assert.Equal("none", After(args, "-nic"));
        Assert.Equal("/g/vmlinux", After(args, "-kernel"));
        Assert.Equal("/g/initramfs.cpio.gz", After(args, "-initrd"));
        Assert.Contains("-daemonize", args);
        Assert.Equal(State.QemuPidFile, After(args, "-pidfile"));
        Assert.Contains("memory-backend-memfd,id=mem,size=1024M,share=on", args);
        Assert.Contains($"socket,id=vfs,path={State.VirtiofsdSocket}", args);
        Assert.Contains("vhost-user-fs-pci,queue-size=1024,chardev=vfs,tag=share", args);
        Assert.Contains($"socket,id=probe,path={State.ProbeSocket},server=on,wait=off", args);
        Assert.Contains("virtserialport,bus=vser0.0,chardev=probe,name=fsbench", args);
        Assert.Equal($"unix:{State.QmpSocket},server=on,wait=off", After(args, "-qmp"));
        Assert.DoesNotContain("-virtfs", args);

        string append = After(args, "-append");
        Assert.Contains("clocksource=tsc tsc=reliable", append);
        Assert.Contains("fsbench.fs=virtiofs", append);
        Assert.Contains("console=ttyS0", append);
    }

    [Fact]
    public void Virtio_9p_is_qemus_own_server_in_passthrough_mode_with_the_cache_mode_on_the_kernel_command_line()
    {
        var args = Line(QemuTransport.NineP).Qemu();
        Assert.Equal("local,path=/scratch/run/share,mount_tag=share,security_model=passthrough,id=share", After(args, "-virtfs"));
        Assert.DoesNotContain(args, a => a.Contains("vhost-user-fs") || a.Contains("memory-backend"));
        Assert.Contains("fsbench.fs=9p", After(args, "-append"));
        Assert.Contains("fsbench.cache=none", After(args, "-append"));
    }

    [Fact]
    public void The_overlay_upper_disk_is_virtio_blk_booted_as_a_snapshot_so_the_image_stays_empty()
    {
        var args = (Line(QemuTransport.VirtioFs) with { UpperDisk = "/g/upper.img" }).Qemu();
        Assert.Equal("file=/g/upper.img,format=raw,if=none,id=upper,snapshot=on", After(args, "-drive"));
        Assert.Contains("virtio-blk-pci,drive=upper", args);
        Assert.Contains("fsbench.upper=vda", After(args, "-append"));
        Assert.DoesNotContain("-drive", Line(QemuTransport.NineP).Qemu());
    }

    [Fact]
    public void Kvm_uses_the_host_cpu_and_two_vcpus()
    {
        var args = Line(QemuTransport.VirtioFs, "kvm").Qemu();
        Assert.Equal("kvm", After(args, "-accel"));
        Assert.Equal("host", After(args, "-cpu"));
        Assert.Equal("2", After(args, "-smp"));
    }

    [Fact]
    public void Virtiofsd_runs_in_the_foreground_on_our_socket_with_the_cache_mode_and_xattrs()
    {
        Assert.Equal(
            ["-f", $"--socket-path={State.VirtiofsdSocket}", "-o", "source=/scratch/run/share", "-o", "cache=auto", "-o", "xattr"],
            Line(QemuTransport.VirtioFs).Virtiofsd());
    }

    [Fact]
    public void The_trial_boot_only_checks_that_the_kernel_reaches_init()
    {
        var args = QemuCommandLine.Trial("kvm", "/g/vmlinux", "/g/initrd", "/s/trial.log");
        Assert.Equal("kvm", After(args, "-accel"));
        Assert.Contains("fsbench.check=1", After(args, "-append"));
        Assert.Equal("file:/s/trial.log", After(args, "-serial"));
        Assert.DoesNotContain("-daemonize", args);
    }

    [Fact]
    public void Cache_modes_default_to_the_servers_own_and_reject_unknown_overrides()
    {
        Assert.Equal("auto", QemuTransport.VirtioFs.DefaultCache);
        Assert.Equal("none", QemuTransport.NineP.DefaultCache);
        Environment.SetEnvironmentVariable(QemuTransport.NineP.CacheVariable, "loose");
        try { Assert.Equal("loose", QemuTransport.NineP.Cache()); }
        finally { Environment.SetEnvironmentVariable(QemuTransport.NineP.CacheVariable, null); }
        Environment.SetEnvironmentVariable(QemuTransport.NineP.CacheVariable, "always");
        try { Assert.Throws<FsBench.Host.Study.StudyException>(() => QemuTransport.NineP.Cache()); }
        finally { Environment.SetEnvironmentVariable(QemuTransport.NineP.CacheVariable, null); }
    }

    [Fact]
    public void Sockets_move_to_a_short_directory_when_the_state_path_is_too_long_for_a_unix_socket()
    {
        var deep = new QemuState("/" + new string('x', 120), "qemu-9p");
        Assert.StartsWith(Path.GetTempPath(), deep.ProbeSocket);
        Assert.True(deep.VirtiofsdSocket.Length < 108);
        Assert.Equal(deep.SocketDir, new QemuState("/" + new string('x', 120), "qemu-9p").SocketDir);   // children find the same
        Assert.Equal("/run/fsb/state/qemu-virtiofs/probe.sock", State.ProbeSocket);
    }

    [Fact]
    public void The_guests_ready_line_is_parsed()
    {
        var f = QemuVm.Fields("fsbench-guest: FSBENCH-READY fs=9p cache=none overlay=metacopy port=/dev/vport1p1 kernel=6.1.0-56-amd64 uptime=6.19");
        Assert.Equal("metacopy", f["overlay"]);
        Assert.Equal("6.19", f["uptime"]);
        Assert.Equal("share", QemuProvider.GuestDir(MountModes.Bind));
        Assert.Equal("ovl", QemuProvider.GuestDir(MountModes.Overlay));
    }
}
