using System.Diagnostics;
using FsBench.Host.Providers;
using FsBench.Host.Sampling;

namespace FsBench.Tests.Sampling;

/// <summary>The one sampler of host processes: its Linux (/proc) and macOS (ps, lsof) back ends, parsed from captured outputs and run for real.</summary>
public sealed class SamplerTests
{
    [Fact]
    public void Open_descriptors_are_the_numeric_fd_lines_of_lsof()
    {
        // cwd, rtd, txt and mem are lsof's own entries, not descriptors; 0-3, 10 and 251 are.
        Assert.Equal(6, PsLsofReader.CountDescriptors(Fixture.Read("lsof-Ff-debian.txt")));
        Assert.Equal(["-n", "-P", "-p", "42", "-Ff"], PsLsofReader.LsofArgs(42));
    }

    [Fact]
    public void Rss_and_cpu_are_read_from_ps()
    {
        Assert.Equal((1888L, 0.0), PsLsofReader.ParseRssCpu(Fixture.Read("ps-rss-cpu-debian.txt"))!.Value);
        Assert.Equal((51234L, 12.5), PsLsofReader.ParseRssCpu(" 51234  12,5\n")!.Value);   // a comma-decimal locale
        Assert.Null(PsLsofReader.ParseRssCpu(""));                                    // the process has gone
    }

    [Fact]
    public void Rss_state_and_cpu_ticks_are_read_from_proc()
    {
        string status = Fixture.Read("proc-status-sleep-debian.txt");
        Assert.Equal(1784, ProcReader.ParseRssKiB(status));
        Assert.False(ProcReader.IsZombie(status));
        Assert.True(ProcReader.IsZombie(status.Replace("State:\tS (sleeping)", "State:\tZ (zombie)")));
        Assert.Equal(0, ProcReader.ParseCpuTicks(Fixture.Read("proc-stat-sleep-debian.txt")));
        Assert.Equal(7 + 5, ProcReader.ParseCpuTicks("42 (a (b) c) R 1 1 1 0 -1 0 0 0 0 0 7 5 0 0 20 0 1 0 1 0 0"));   // a name with spaces and parentheses
    }

    [RequiresFact("linux")]
    public async Task Both_back_ends_read_this_hosts_own_process_alike()
    {
        var me = new SampledProcess("test", Environment.ProcessId);
        var proc = await new ProcReader().ReadAsync(me, 0, CancellationToken.None);
        var ps = await new PsLsofReader().ReadAsync(me, 0, CancellationToken.None);
        Assert.NotNull(proc);
        Assert.NotNull(ps);
        Assert.True(proc.OpenFds > 3, $"{proc.OpenFds} descriptors");
        Assert.True(ps.OpenFds > 3, $"{ps.OpenFds} descriptors");
        Assert.InRange(ps.RssKiB, proc.RssKiB / 2, proc.RssKiB * 2);   // the two looks are moments apart
        Assert.Equal(("test", Environment.ProcessId), (proc.Role, proc.Pid));
    }

    [Fact]
    public async Task A_process_that_has_gone_is_a_gap_not_an_error()
    {
        using var p = Process.Start("true")!;
        await p.WaitForExitAsync();
        var gone = new SampledProcess("gone", p.Id);
        Assert.Null(await IProcessReader.ForThisHost().ReadAsync(gone, 0, CancellationToken.None));
    }

    [Fact]
    public async Task The_sampler_follows_a_restart_by_looking_for_the_processes_again()
    {
        var sleepers = new List<Process> { Process.Start("sleep", "271828")! };
        var rounds = new List<IReadOnlyList<ProcSample>>();
        try
        {
            var clock = Stopwatch.StartNew();
            await using (var sampler = new ProcessSampler(
                _ => Task.FromResult<IReadOnlyList<SampledProcess>>([new SampledProcess("vmm", sleepers[^1].Id)]),
                () => clock.Elapsed.TotalSeconds, s => { lock (rounds) rounds.Add(s); }, TimeSpan.FromMilliseconds(50)))
            {
                sampler.Start();
                await Until(() => rounds.Any(r => r.Any(s => s.Pid == sleepers[0].Id)));
                sleepers[0].Kill();
                await sleepers[0].WaitForExitAsync();
                sleepers.Add(Process.Start("sleep", "271828")!);   // the "restarted" VMM, a new PID
                await Until(() => rounds.Any(r => r.Any(s => s.Pid == sleepers[1].Id)));
            }
            lock (rounds) Assert.All(rounds.SelectMany(r => r), s => Assert.Equal("vmm", s.Role));
        }
        finally { foreach (var s in sleepers) if (!s.HasExited) s.Kill(); }
    }

    private static async Task Until(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);   // generous: a loaded 2-core machine
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the sampler did not get there within 30 s");
            await Task.Delay(20);
        }
    }
}
