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
    public void Open_descriptors_are_the_numeric_fd_lines_of_lsof()
    {
        // cwd, rtd, txt and mem are lsof's own entries, not descriptors; 0-3, 10 and 251 are.
        Assert.Equal(6, VmmSampler.CountDescriptors(Fixture.Read("lsof-Ff-debian.txt")));
        Assert.Equal(["-n", "-P", "-p", "42", "-Ff"], VmmSampler.LsofArgs(42));
    }

    [Fact]
    public void Rss_and_cpu_are_read_from_ps()
    {
        Assert.Equal((1888L, 0.0), VmmSampler.ParseRssCpu(Fixture.Read("ps-rss-cpu-debian.txt"))!.Value);
        Assert.Equal((51234L, 12.5), VmmSampler.ParseRssCpu(" 51234  12,5\n")!.Value);   // a comma-decimal locale
        Assert.Null(VmmSampler.ParseRssCpu(""));                                    // the process has gone
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

    [Fact]
    public async Task This_hosts_own_process_is_sampled_for_real()
    {
        var me = new ProcessEntry(Environment.ProcessId, "dotnet test");
        var s = await VmmSampler.SampleAsync(me, CancellationToken.None);
        Assert.NotNull(s);
        Assert.True(s.RssKiB > 0);
        Assert.True(s.OpenFds > 3, $"{s.OpenFds} descriptors");
    }
}

/// <summary>The monitor, for real, on a process of this host standing in for a VMM.</summary>
public sealed class VmmMonitorTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    [Fact]
    public async Task The_monitor_writes_one_csv_row_per_vmm_process_it_finds()
    {
        using var sleeper = System.Diagnostics.Process.Start("sleep", "271828")!;
        try
        {
            string csv = Path.Combine(_tmp.Path, "vmm-test.csv");
            await using var monitor = new VmmMonitor(csv, helper: "sleep", machine: "271828", TimeSpan.FromSeconds(30));
            var samples = await monitor.SampleOnceAsync(CancellationToken.None);
            var s = Assert.Single(samples);
            Assert.Equal((sleeper.Id, "sleep"), (s.Pid, s.Process));
            Assert.True(s.OpenFds >= 3);
            var lines = File.ReadAllLines(csv);
            Assert.Equal(VmmSample.CsvHeader, lines[0]);
            Assert.StartsWith(s.Utc.ToString("o"), lines[1]);
        }
        finally { sleeper.Kill(); }
    }
}
