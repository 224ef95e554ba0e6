using CliWrap;
using CliWrap.Buffered;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Faults;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Study;

namespace FsBench.Tests.Machine;

/// <summary>Pause, freeze and sleep of a podman machine: what each provider supports, declared honestly.</summary>
public sealed class FaultTests
{
    [Fact]
    public void Applehv_pauses_freezes_and_sleeps_libkrun_only_freezes_and_sleeps()
    {
        IFaultInjector avf = new MachineFaultInjector("applehv", "fsbench-applehv"), krun = new MachineFaultInjector("libkrun", "fsbench-libkrun");
        Assert.Equal([Fault.Pause, Fault.Freeze, Fault.Sleep], avf.Supported.Keys.Order());
        Assert.Equal([Fault.Freeze, Fault.Sleep], krun.Supported.Keys.Order());
        Assert.Contains("POST /vm/state", avf.Supported[Fault.Pause]);
        Assert.Contains("com.apple.Virtualization.VirtualMachine", avf.Supported[Fault.Freeze]);
        Assert.Contains("SIGSTOP/SIGCONT of krunkit", krun.Supported[Fault.Freeze]);
        Assert.Contains("400", krun.WhyNot(Fault.Pause));
        Assert.Null(krun.WhyNot(Fault.Freeze));
    }

    [Fact]
    public void Every_provider_declares_its_faults_from_the_one_vocabulary()
    {
        var ctx = new ProviderContext("t", Path.GetTempPath(), "", "", TimeSpan.FromSeconds(1));
        Fault[] Of(string p) => [.. ProviderCatalog.Create(p).Faults(ctx).Supported.Keys.Order()];
        Assert.Equal([Fault.Pause, Fault.Freeze, Fault.Stall, Fault.Kill], Of("qemu-virtiofs"));
        Assert.Equal([Fault.Pause, Fault.Freeze], Of("qemu-9p"));
        Assert.Equal([Fault.Pause, Fault.Freeze, Fault.Sleep], Of("applehv"));
        Assert.Equal([Fault.Freeze, Fault.Sleep], Of("libkrun"));
        Assert.Empty(Of("local"));
        Assert.Empty(Of("podman"));
        Assert.Contains("no fault injector", ProviderCatalog.Create("podman").Faults(ctx).WhyNot(Fault.Pause));
    }

    [Fact]
    public async Task Krunkit_is_never_sent_a_rest_pause()
    {
        var e = await Assert.ThrowsAsync<NotSupportedException>(() => new MachineFaultInjector("libkrun", "fsbench-libkrun").StartAsync(Fault.Pause, null, CancellationToken.None));
        Assert.Contains("shuts the VM down on any POST", e.Message);
    }

    [Fact]
    public async Task An_unsupported_fault_throws_with_the_reason()
    {
        var f = new MachineFaultInjector("applehv", "fsbench-applehv");
        var e = await Assert.ThrowsAsync<NotSupportedException>(() => f.StartAsync(Fault.Stall, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Contains("Apple's VM service process", e.Message);
    }

    [RequiresFact("not-macos")]
    public async Task Freezing_a_machine_that_is_not_running_names_the_missing_vmm()
    {
        var e = await Assert.ThrowsAsync<StudyException>(() => new MachineFaultInjector("libkrun", "fsbench-libkrun").StartAsync(Fault.Freeze, null, CancellationToken.None));
        Assert.Contains("no krunkit process of machine fsbench-libkrun", e.Message);
    }

    [Fact]
    public void Host_sleep_is_pmset_wake_then_sleepnow_under_sudo()
    {
        Assert.Equal([["-n", "pmset", "relative", "wake", "90"], ["-n", "pmset", "sleepnow"]], HostSleep.Commands(90));
    }

    [Fact]
    public async Task The_fault_command_refuses_a_pause_libkrun_cannot_do_in_one_line()
    {
        var r = await RunFault("--provider", "libkrun", "--kind", "pause");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("libkrun cannot pause", r.StandardError);
        Assert.Single(r.StandardError.Trim().Split('\n'));
    }

    [RequiresFact("not-macos")]
    public async Task The_fault_command_refuses_host_sleep_off_a_mac_in_one_line()
    {
        var r = await RunFault("--provider", "libkrun", "--kind", "sleep");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a Mac", r.StandardError);
        Assert.Single(r.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task The_fault_command_refuses_a_provider_without_faults_and_writes_no_folder()
    {
        using var tmp = new TempDir();
        string dir = Path.Combine(tmp.Path, "f");
        var r = await RunFault("--provider", "local", "--kind", "freeze", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("local cannot freeze: no fault injector", r.StandardError);
        Assert.False(Directory.Exists(dir));
    }

    internal static Task<BufferedCommandResult> RunFault(params string[] args) =>
        Cli.Wrap("dotnet").WithArguments([Requirements.HostDll, "fault", .. args])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
}
