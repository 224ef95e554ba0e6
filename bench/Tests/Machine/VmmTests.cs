using System.Net;
using System.Net.Sockets;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Study;

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
    public async Task A_vfkit_state_change_goes_with_a_content_length_and_a_refusal_carries_the_vmms_answer()
    {
        // A loopback HTTP server that reads the request and answers as vfkit's gin handler does to an invalid state.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string body = Fixture.Read("vfkit-state-change-500.json").Trim();
        string request = "";
        var server = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var buf = new byte[4096];
            int n = 0;
            while (!request.Contains("}") && (n = await stream.ReadAsync(buf)) > 0) request += System.Text.Encoding.ASCII.GetString(buf, 0, n);
            var reply = $"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(reply));
        });
        using var rest = new VmRestClient("vfkit", port);
        var e = await Assert.ThrowsAsync<StudyException>(() => rest.ChangeStateAsync("Sleep", CancellationToken.None));
        await server;
        listener.Stop();
        Assert.Contains("HTTP 500", e.Message);
        Assert.Contains("invalid new VMState: Sleep", e.Message);
        Assert.StartsWith("POST /vm/state HTTP/1.1", request);
        Assert.Contains("Content-Length: 17", request);   // {"state":"Sleep"}
        Assert.DoesNotContain("chunked", request, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("{\"state\":\"Sleep\"}", request);
    }

    [Theory]
    [InlineData("Pause")]
    [InlineData("Resume")]
    [InlineData("Stop")]
    public void No_post_is_ever_built_for_krunkit(string state)
    {
        Assert.Throws<NotSupportedException>(() => VmRestClient.StateChangeRequest("krunkit", state));
        using var vfkit = VmRestClient.StateChangeRequest("vfkit", state);
        Assert.Equal(HttpMethod.Post, vfkit.Method);
    }

    [Fact]
    public async Task Libkrun_faults_never_reach_a_rest_request()
    {
        var krun = new MachineFaultInjector("libkrun", "fsbench-libkrun");
        await Assert.ThrowsAsync<NotSupportedException>(() => krun.StartAsync(FsBench.Host.Providers.Faults.Fault.Pause, null, CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => krun.EndAsync(FsBench.Host.Providers.Faults.Fault.Pause, CancellationToken.None));
    }

    [Fact]
    public void Both_krunkit_state_bodies_parse_the_old_one_with_its_nul_byte()
    {
        var old = VmState.Parse(Fixture.Read("krunkit-1.2.1-vm-state.http").Split("\r\n\r\n", 2)[1]);
        Assert.Equal("VirtualMachineStateRunning", old.State);
        Assert.False(old.CanPause);
        var neu = VmState.Parse(Fixture.Read("krunkit-vm-state.json"));
        Assert.Equal(("VirtualMachineStateRunning", false, true), (neu.State, neu.CanPause, neu.CanStop));
    }
}
