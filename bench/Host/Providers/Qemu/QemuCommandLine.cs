namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// The argument lists of qemu-system-x86_64 and virtiofsd for one guest (never a shell string), kept apart
/// from running them so they can be checked without QEMU.
/// </summary>
/// <remarks>
/// Choices from linux-testbed-findings.md: the PVH vmlinux booted directly (-kernel, no firmware decompressor);
/// -smp 1 under TCG (the vCPU thread otherwise competes with QEMU's and virtiofsd's threads on 2 cores);
/// clocksource=tsc tsc=reliable so a long QMP stop does not wrap the guest's hpet clock; no network.
/// The overlay's upper layer is an ext4 image on virtio-blk (<see cref="UpperDisk"/>), like Podman's container storage
/// on a machine's disk; snapshot=on keeps the image pristine: each boot writes to a temporary overlay QEMU deletes.
/// </remarks>
public sealed record QemuCommandLine(QemuTransport Transport, string Cache, string Accel, string Kernel, string Initrd,
    QemuState State, string ShareDir, int MemoryMb = 1024, string? UpperDisk = null)
{
    public const string ShareTag = "share";
    public const string PortName = "fsbench";

    public int Cpus => Accel == "tcg" ? 1 : 2;

    public string KernelAppend() =>
        $"console=ttyS0 quiet panic=-1 clocksource=tsc tsc=reliable fsbench.fs={Transport.GuestFs} fsbench.tag={ShareTag} fsbench.cache={Cache}" +
        (UpperDisk is null ? "" : " fsbench.upper=vda");

    public List<string> Qemu()
    {
        List<string> args =
        [
            .. Machine(Accel),
            "-m", $"{MemoryMb}M", "-smp", Cpus.ToString(),
            "-display", "none", "-nic", "none", "-no-reboot",
            "-daemonize", "-pidfile", State.QemuPidFile,
            "-kernel", Kernel, "-initrd", Initrd, "-append", KernelAppend(),
            "-serial", $"file:{State.ConsoleLog}",
            "-qmp", $"unix:{State.QmpSocket},server=on,wait=off",
            "-device", "virtio-serial-pci,id=vser0",
            "-chardev", $"socket,id=probe,path={State.ProbeSocket},server=on,wait=off",
            "-device", $"virtserialport,bus=vser0.0,chardev=probe,name={PortName}",
        ];
        if (UpperDisk is not null)
            args.AddRange([
                "-drive", $"file={UpperDisk},format=raw,if=none,id=upper,snapshot=on",
                "-device", "virtio-blk-pci,drive=upper",
            ]);
        if (Transport.IsVirtioFs)
        {
            // vhost-user needs the guest RAM shared with virtiofsd.
            args.AddRange([
                "-object", $"memory-backend-memfd,id=mem,size={MemoryMb}M,share=on", "-numa", "node,memdev=mem",
                "-chardev", $"socket,id=vfs,path={State.VirtiofsdSocket}",
                "-device", $"vhost-user-fs-pci,queue-size=1024,chardev=vfs,tag={ShareTag}",
            ]);
        }
        else
        {
            args.AddRange(["-virtfs", $"local,path={ShareDir},mount_tag={ShareTag},security_model=passthrough,id={ShareTag}"]);
        }
        return args;
    }

    /// <summary>virtiofsd in the foreground (the provider detaches it); -o xattr for the xattr operations.</summary>
    public List<string> Virtiofsd() =>
        ["-f", $"--socket-path={State.VirtiofsdSocket}", "-o", $"source={ShareDir}", "-o", $"cache={Cache}", "-o", "xattr"];

    /// <summary>The acceleration trial: boot the guest kernel, print FSBENCH-CHECK-OK, power off.</summary>
    public static List<string> Trial(string accel, string kernel, string initrd, string consoleLog) =>
    [
        .. Machine(accel), "-m", "256M", "-smp", "1", "-display", "none", "-nic", "none", "-no-reboot",
        "-kernel", kernel, "-initrd", initrd, "-append", "console=ttyS0 quiet panic=-1 fsbench.check=1",
        "-serial", $"file:{consoleLog}",
    ];

    /// <summary>KVM: the host CPU; TCG: every feature QEMU can emulate.</summary>
    private static List<string> Machine(string accel) =>
        accel == "kvm" ? ["-accel", "kvm", "-cpu", "host"] : ["-accel", "tcg", "-cpu", "max"];
}
