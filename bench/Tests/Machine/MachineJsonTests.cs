using FsBench.Host.Providers.Machine;
using FsBench.Host.Study;

namespace FsBench.Tests.Machine;

/// <summary>`podman machine inspect` and `podman machine list --format json`, as podman printed them.</summary>
public sealed class MachineJsonTests
{
    [Fact]
    public void Inspect_of_an_applehv_machine_gives_its_state_resources_and_socket()
    {
        var m = Assert.Single(MachineInspect.Parse(Fixture.Read("podman-machine-inspect-applehv.json")));
        Assert.Equal("podman-machine-default", m.Name);
        Assert.True(m.Running);
        Assert.Equal((5, 2048L, 100L), (m.Cpus, m.MemoryMiB, m.DiskGiB));
        Assert.True(m.Rootful);
        Assert.True(m.UserModeNetworking);
        Assert.EndsWith("/machine/applehv", m.ConfigDir);
        Assert.EndsWith("/applehv/podman.sock", m.PodmanSocket);
    }

    [Fact]
    public void Inspect_output_that_is_not_json_is_a_one_line_error()
    {
        var e = Assert.Throws<StudyException>(() => MachineInspect.Parse("Error: fsbench-applehv: VM does not exist"));
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void List_from_podmans_man_page_gives_name_type_and_sizes_in_bytes()
    {
        var m = Assert.Single(MachineListEntry.Parse(Fixture.Read("podman-machine-list-doc.json")));
        Assert.Equal(("podman-machine-default", "qemu", false, false), (m.Name, m.VmType, m.Running, m.Default));
        Assert.Equal((1, 2147483648L, 10737418240L), (m.Cpus, m.MemoryBytes, m.DiskBytes));
    }

    [Fact]
    public void List_of_a_stopped_libkrun_machine()
    {
        var m = Assert.Single(MachineListEntry.Parse(Fixture.Read("podman-machine-list-libkrun.json")));
        Assert.Equal("libkrun", m.VmType);
        Assert.False(m.Running);
        Assert.False(m.Starting);
    }

    [Fact]
    public void An_empty_list_means_no_machines()
    {
        Assert.Empty(MachineListEntry.Parse("[]"));
        Assert.Empty(MachineListEntry.Parse(""));
    }
}
