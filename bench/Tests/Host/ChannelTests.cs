using CliWrap;
using FsBench.Host.Channel;
using FsBench.Probe.Ops;
using FsBench.Protocol;

namespace FsBench.Tests.Host;

/// <summary>The host's channel to a real probe process: JSON lines over stdin/stdout.</summary>
public sealed class ChannelTests : TempDirTest
{
    private ProbeSession Probe(TimeSpan? timeout = null) =>
        new(new ProcessChannel(Cli.Wrap("dotnet").WithArguments([Requirements.ManagedProbe, "--root", Tmp.Path])), ".",
            timeout ?? TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_batch_round_trips_with_counts_histogram_and_samples()
    {
        await using var session = Probe();
        var hello = await session.HelloAsync();
        Assert.Equal(ProbeProtocol.Version, hello.ProtocolVersion);
        Assert.Equal(OperationCatalog.Names, hello.Ops.Select(o => o.Name));
        Assert.Equal([OpNeeds.LowerDir], hello.Ops.Single(o => o.Name == "copyup").Needs);
        Assert.Contains(OpNeeds.UserXattr, hello.Ops.Single(o => o.Name == "getxattr").Needs);
        Assert.Empty(hello.Ops.Single(o => o.Name == "stat").Needs);
        Assert.NotEqual("unknown", hello.FsType);

        var batch = await session.RunBatchAsync("stat", 300, 3, Layouts.Private, 100);
        Assert.Equal(300, batch.Ops);
        Assert.Equal(0, batch.Failures);
        Assert.Equal(3, batch.Workers);
        Assert.Equal(300, HistogramCodec.Decode(batch.Histogram).TotalCount);
        Assert.Equal(100, batch.SamplesNs.Length);

        await session.CleanupAsync();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Tmp.Path));
    }

    [Fact]
    public async Task Cold_ops_on_files_the_host_made_count_every_op_without_failures_and_the_host_removes_its_files()
    {
        // a local session: the probe's root is the host directory itself, so the host's share is that directory
        await using var session = new ProbeSession(new ProcessChannel(Cli.Wrap("dotnet").WithArguments([Requirements.ManagedProbe, "--root", Tmp.Path])),
            ".", TimeSpan.FromSeconds(60), hostShareDir: Tmp.Path);
        foreach (var op in OperationCatalog.Advertised.Where(o => o.Has(OpNeeds.HostFixtures)))
        foreach (var layout in Layouts.All)
        {
            var batch = await session.RunBatchAsync(op.Name, 300, 3, layout, 100);
            Assert.True((300L, 0L, 0L) == (batch.Ops, batch.Failures, batch.PrepFailures),
                $"{op.Name} {layout}: {batch.Ops} ops, {string.Join(",", batch.Errnos)}, prep {string.Join(",", batch.PrepErrnos)}");
            Assert.Equal(300, HistogramCodec.Decode(batch.Histogram).TotalCount);
            Assert.Empty(Directory.GetDirectories(Tmp.Path, "cold-*"));     // the batch's files are gone with it
        }
        await session.CleanupAsync();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Tmp.Path));
    }

    [Fact]
    public async Task A_cold_op_on_a_session_whose_host_cannot_write_the_share_is_refused_by_the_probe()
    {
        await using var session = Probe();
        var e = await Assert.ThrowsAsync<ProbeRequestException>(() => session.RunBatchAsync("stat_cold", 10, 1, Layouts.Private, 10));
        Assert.Contains("fixture_dir", e.Message);
    }

    [Fact]
    public async Task A_refused_request_is_an_error_reply_and_the_probe_keeps_serving()
    {
        await using var session = Probe();
        var e = await Assert.ThrowsAsync<ProbeRequestException>(() => session.RunBatchAsync("no-such-op", 1, 1, Layouts.Private, 1));
        Assert.Contains("unknown op", e.Message);
        var batch = await session.RunBatchAsync("mkdir", 10, 1, Layouts.Private, 10);
        Assert.Equal(10, batch.Ops);
    }

    [Fact]
    public async Task A_probe_that_dies_gives_a_clear_channel_error()
    {
        await using var session = new ProbeSession(new ProcessChannel(Cli.Wrap("true")), ".", TimeSpan.FromSeconds(30));
        var e = await Assert.ThrowsAsync<ProbeChannelException>(() => session.HelloAsync());
        Assert.Contains("channel closed", e.Message);
        Assert.Contains("exit code 0", e.Message);
    }

    [Fact]
    public async Task A_probe_that_does_not_answer_times_out_instead_of_hanging()
    {
        var started = DateTime.UtcNow;
        await using (var session = new ProbeSession(new ProcessChannel(Cli.Wrap("sleep").WithArguments(["60"])), ".", TimeSpan.FromSeconds(1)))
        {
            var e = await Assert.ThrowsAsync<ProbeChannelException>(() => session.HelloAsync());
            Assert.Contains("did not answer 'hello' within 1 s", e.Message);
        }
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the session must end the stalled process");
    }
}
