using FsBench.Host.Providers.Machine;


namespace FsBench.Tests.Machine;

/// <summary>Why applehv or libkrun cannot run on a host, and what to do about it.</summary>
public sealed class AvailabilityTests
{
    private static readonly PodmanVersion V52 = PodmanVersion.Parse("5.2.0")!;

    [Fact]
    public void On_linux_both_machine_providers_need_macos()
    {
        Assert.Equal("applehv needs macOS (Apple Virtualization.framework)", MachineAvailability.Reason("applehv", HostKind.Linux, null, null));
        Assert.Contains("needs macOS on Apple silicon", MachineAvailability.Reason("libkrun", HostKind.Linux, null, null));
    }

    [Fact]
    public void On_an_intel_mac_libkrun_is_refused_as_podman_refuses_it()
    {
        Assert.Contains("libkrun is not supported on Intel based machines", MachineAvailability.Reason("libkrun", HostKind.MacIntel, V52, "/opt/podman/bin/krunkit"));
        Assert.Null(MachineAvailability.Reason("applehv", HostKind.MacIntel, V52, "/opt/podman/bin/vfkit"));
    }

    [Fact]
    public void A_missing_krunkit_names_both_ways_to_install_it()
    {
        string reason = MachineAvailability.Reason("libkrun", HostKind.MacAppleSilicon, V52, null)!;
        Assert.Contains("brew tap slp/krun && brew install krunkit", reason);
        Assert.Contains("pkg installer", reason);
    }

    [Fact]
    public void Libkrun_needs_podman_5_2_and_applehv_podman_5()
    {
        Assert.Contains("too old", MachineAvailability.Reason("libkrun", HostKind.MacAppleSilicon, PodmanVersion.Parse("5.1.2"), "/k"));
        Assert.Null(MachineAvailability.Reason("applehv", HostKind.MacAppleSilicon, PodmanVersion.Parse("5.1.2"), "/v"));
        Assert.Contains("podman is not installed", MachineAvailability.Reason("applehv", HostKind.MacAppleSilicon, null, null));
        Assert.Null(MachineAvailability.Reason("libkrun", HostKind.MacAppleSilicon, PodmanVersion.Parse("6.0.2"), "/opt/podman/bin/krunkit"));
    }

    [RequiresFact("linux")]   // on a Mac, availability depends on what is installed
    public async Task The_providers_report_their_reason_on_this_host()
    {
        Assert.Contains("needs macOS", await new PodmanMachineProvider("applehv").UnavailableReasonAsync(CancellationToken.None));
        Assert.Contains("needs macOS", await new PodmanMachineProvider("libkrun").UnavailableReasonAsync(CancellationToken.None));
    }
}
