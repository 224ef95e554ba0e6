using CliWrap;
using CliWrap.Buffered;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Study;

namespace FsBench.Tests.Machine;

/// <summary>Pause, resume and sleep of a podman machine: what each provider supports, declared honestly.</summary>
public sealed class FaultTests
{
    [Fact]
    public void Both_providers_freeze_only_applehv_pauses_and_neither_stalls_its_server_alone()
    {
        IFaultInjector avf = new MachineFaultInjector("applehv", "fsbench-applehv"), krun = new MachineFaultInjector("libkrun", "fsbench-libkrun");
        Assert.Equal(FaultKind.PauseVm | FaultKind.FreezeVm, avf.Supported);
        Assert.Equal(FaultKind.FreezeVm, krun.Supported);
        Assert.Contains("POST /vm/state", MachineFaultInjector.Mechanisms("applehv")[FaultKind.PauseVm]);
        Assert.Contains("com.apple.Virtualization.VirtualMachine", MachineFaultInjector.Mechanisms("applehv")[FaultKind.FreezeVm]);
        Assert.Contains("400", MachineFaultInjector.Mechanisms("libkrun")[FaultKind.PauseVm]);
        Assert.Contains("SIGSTOP/SIGCONT of krunkit", MachineFaultInjector.Mechanisms("libkrun")[FaultKind.FreezeVm]);
    }

    [Fact]
    public async Task Krunkit_refuses_a_rest_pause_so_libkrun_declares_it_unsupported()
    {
        var e = await Assert.ThrowsAsync<NotSupportedException>(() => new MachineFaultInjector("libkrun", "fsbench-libkrun").PauseVmAsync(CancellationToken.None));
        Assert.Contains("400", e.Message);
    }

    [Fact]
    public async Task An_unsupported_fault_throws_with_the_reason()
    {
        var f = new MachineFaultInjector("applehv", "fsbench-applehv");
        var e = await Assert.ThrowsAsync<NotSupportedException>(() => f.StallServerAsync(CancellationToken.None));
        Assert.Contains("Apple's VM service process", e.Message);
    }

    [Fact]
    public async Task Pausing_a_machine_that_is_not_running_names_the_missing_vmm()
    {
        if (OperatingSystem.IsMacOS()) return;   // on a Mac the study machine may well be running
        var e = await Assert.ThrowsAsync<StudyException>(() => new MachineFaultInjector("libkrun", "fsbench-libkrun").FreezeVmAsync(CancellationToken.None));
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
        var r = await Cli.Wrap("dotnet").WithArguments([Path.Combine(AppContext.BaseDirectory, "FsBench.Host.dll"), "fault", "--provider", "libkrun", "--kind", "pause"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("libkrun cannot pause", r.StandardError);
        Assert.Single(r.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public async Task The_fault_command_refuses_host_sleep_off_a_mac_in_one_line()
    {
        if (OperatingSystem.IsMacOS()) return;
        var r = await Cli.Wrap("dotnet").WithArguments([Path.Combine(AppContext.BaseDirectory, "FsBench.Host.dll"), "fault", "--provider", "libkrun", "--kind", "sleep"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a Mac", r.StandardError);
    }
}
