using System.Net;
using System.Net.Sockets;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Study;
using FsBench.Tests.Support;

namespace FsBench.Tests.Machine;

/// <summary>Finding the VMM processes, their REST port and state, and sampling them from the host.</summary>
public sealed class VmmTests
{
    [Fact]
    public void The_rest_port_is_read_from_vfkits_command_line_in_ps()
    {
        Assert.Equal(63259, VmRestClient.PortFromCommandLine(Fixture.Read("ps-aux-vfkit-applehv.txt")));
    }

    [Fact]
    public void The_machine_disk_is_read_from_the_vmms_virtio_blk_device()
    {
        Assert.Equal("/Users/riccardoforina/.local/share/containers/podman/machine/applehv/podman-machine-default-arm64.raw",
            ProcessTable.DiskPathFromCommandLine(Fixture.Read("ps-aux-vfkit-applehv.txt")));
        Assert.Equal("/Users/benoitf/.local/share/containers/podman/machine/libkrun/my-machine3-arm64.raw",
            ProcessTable.DiskPathFromCommandLine(Fixture.Read("krunkit-helper-command-line.txt")));
        Assert.Null(ProcessTable.DiskPathFromCommandLine("sleep 300"));
    }

    [Fact]
    public void The_rest_port_is_read_from_krunkits_command_line()
    {
        Assert.Equal(49345, VmRestClient.PortFromCommandLine(Fixture.Read("krunkit-helper-command-line.txt")));
        Assert.Null(VmRestClient.PortFromCommandLine("/opt/podman/bin/gvproxy -debug -mtu 1500"));
    }

    [Fact]
    public void Krunkits_state_says_it_cannot_pause()
    {
        var s = VmState.Parse(Fixture.Read("krunkit-vm-state.json"));
        Assert.Equal("VirtualMachineStateRunning", s.State);
        Assert.False(s.CanPause);
        Assert.True(s.CanStop);
        Assert.False(s.Paused);
    }

    [Fact]
    public void Vfkits_documented_state_shape_is_read()
    {
        var s = VmState.Parse(Fixture.Read("vfkit-vm-state-NOT-CAPTURED.json"));
        Assert.True(s.CanPause);
        Assert.False(s.CanResume);
    }

    [Fact]
    public void The_process_table_gives_pid_and_command_line()
    {
        var p = Assert.Single(ProcessTable.Parse(Fixture.Read("ps-pid-args-debian.txt")));
        Assert.Equal((524, "sleep 300", "sleep"), (p.Pid, p.CommandLine, p.Executable));
    }

    [Fact]
    public void A_machines_vmm_is_its_own_vfkit_plus_apples_vm_service()
    {
        string line = Fixture.Read("ps-aux-vfkit-applehv.txt");
        var vfkit = new ProcessEntry(23076, line[line.IndexOf("/opt/homebrew", StringComparison.Ordinal)..].Trim());
        var service = new ProcessEntry(23080, "/System/Library/Frameworks/Virtualization.framework/Versions/A/XPCServices/com.apple.Virtualization.VirtualMachine.xpc/Contents/MacOS/com.apple.Virtualization.VirtualMachine");
        var other = new ProcessEntry(1, "/sbin/launchd");
        var all = new[] { vfkit, service, other };

        Assert.Equal([vfkit, service], ProcessTable.VmmOf(all, "vfkit", "podman-machine-default"));
        Assert.Equal([service], ProcessTable.VmmOf(all, "vfkit", "fsbench-applehv"));   // another machine's vfkit is not ours
        Assert.Empty(ProcessTable.VmmOf(all, "krunkit", "podman-machine-default"));     // krunkit runs the VM in-process
    }

    [Fact]
    public async Task A_refused_state_change_is_an_error_carrying_the_vmms_answer()
    {
        // A loopback HTTP server that answers as krunkit does to POST /vm/state {"state":"Pause"}.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string body = Fixture.Read("krunkit-pause-400.json");
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buf = new byte[4096];
            await stream.ReadAtLeastAsync(buf, 1, throwOnEndOfStream: false);
            var reply = $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(reply));
        });
        using var rest = new VmRestClient(port);
        var e = await Assert.ThrowsAsync<StudyException>(() => rest.ChangeStateAsync("Pause", CancellationToken.None));
        Assert.Contains("HTTP 400", e.Message);
        Assert.Contains("unsupported state change: Pause", e.Message);
        await server;
        listener.Stop();
    }
}
