using FsBench.Host.Channel;
using FsBench.Probe.Libc;
using FsBench.Probe.Ops;
using FsBench.Probe.Recording;
using FsBench.Probe.Session;
using FsBench.Protocol;

namespace FsBench.Tests.Probe;

/// <summary>Every operation, on a real filesystem, through libc.</summary>
public sealed class OperationTests : TempDirTest
{
    public static TheoryData<string> AllOps() => new(OperationCatalog.Names);

    [Theory]
    [MemberData(nameof(AllOps))]
    public void Every_op_succeeds_on_a_real_filesystem_and_leaves_nothing_behind(string op)
    {
        var scratch = new ScratchRoot(Tmp.Path);
        var runner = new BatchRunner(scratch);
        var info = OperationCatalog.Info(op)!;
        // copy-up needs a lower layer: on a plain filesystem the "overlay view" is the lower directory itself
        string? lower = info.Has(OpNeeds.LowerDir) ? "." : null;
        // a cold op's files are the host's: made directly in the directory (the host's side of a share), removed by it
        using var hostMade = info.Has(OpNeeds.HostFixtures) ? HostFixtureSet.Make(Tmp.Path, ".", info, 40, 2, Layouts.Private) : null;
        var result = runner.Run(new ProbeRequest { Cmd = "batch", Op = op, Count = 40, Workers = 2, LowerDir = lower, FixtureDir = hostMade?.ProbeDir });

        Assert.Equal(40, result.Ops);
        Assert.True(result.Failures == 0, $"{op}: {string.Join(",", result.Errnos.Select(e => $"{e.Key}:{e.Value}"))}");
        Assert.Equal(40, HistogramCodec.Decode(result.Histogram).TotalCount);
        Assert.Equal(40, result.SamplesNs.Length);
        Assert.All(result.SamplesNs, ns => Assert.InRange(ns, 1, 10_000_000_000));
        Assert.True(result.WallNs > 0);

        Assert.Equal(0, hostMade?.FailureCount ?? 0);
        hostMade?.Dispose();
        scratch.RemoveCreated();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Tmp.Path));
    }

    [Theory]
    [InlineData("stat_cold", "needs fixture_dir")]     // a cold op without the host's fixture directory
    [InlineData("copyup", "needs lower_dir")]          // copy-up without a lower layer
    public void An_op_without_what_it_needs_is_refused(string op, string expected)
    {
        var runner = new BatchRunner(new ScratchRoot(Tmp.Path));
        var e = Assert.Throws<ProbeException>(() => runner.Run(new ProbeRequest { Cmd = "batch", Op = op, Count = 1 }));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData(Layouts.Private)]
    [InlineData(Layouts.Shared)]
    public void A_cold_op_acts_on_exactly_the_files_the_host_made_and_makes_none_of_its_own(string layout)
    {
        var scratch = new ScratchRoot(Tmp.Path);
        var info = OperationCatalog.Info("chmod_cold")!;
        using var hostMade = HostFixtureSet.Make(Tmp.Path, ".", info, 30, 4, layout);
        var made = Directory.GetFiles(Path.Combine(Tmp.Path, hostMade.ProbeDir), "*", SearchOption.AllDirectories);
        Assert.Equal(30, made.Length);

        var result = new BatchRunner(scratch).Run(new ProbeRequest { Cmd = "batch", Op = info.Name, Count = 30, Workers = 4, Layout = layout, FixtureDir = hostMade.ProbeDir });

        Assert.Equal((30, 0, 0), (result.Ops, result.Failures, result.PrepFailures));
        Assert.All(made, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));   // each chmodded once, to 0600
        var session = Directory.GetDirectories(Tmp.Path, "fsprobe-*").Single();
        Assert.Empty(Directory.GetFiles(session, "*", SearchOption.AllDirectories));    // the probe made no fixture of its own
        scratch.RemoveCreated();
    }

    [Fact]
    public void The_probes_xattr_names_are_the_ones_the_host_sets_on_its_fixtures()
    {
        Assert.Equal(HostFixtures.GetXattrName + "\0", System.Text.Encoding.UTF8.GetString(Xattrs.Name));
        Assert.Equal(HostFixtures.XattrValue, System.Text.Encoding.UTF8.GetString(Xattrs.Value));
    }

    [Fact]
    public void Every_op_declares_a_distinct_name_and_only_needs_the_protocol_knows()
    {
        string[] known = [OpNeeds.LowerDir, OpNeeds.UserXattr, OpNeeds.HostFixtures];
        Assert.Equal(OperationCatalog.Names.Length, OperationCatalog.Names.Distinct().Count());
        Assert.All(OperationCatalog.Advertised, o => Assert.Subset(known.ToHashSet(), o.Needs.ToHashSet()));
        Assert.All(OperationCatalog.Advertised.Where(o => o.FixtureXattrs.Length > 0), o => Assert.True(o.Has(OpNeeds.UserXattr), o.Name));
        Assert.Equal(["copyup"], OperationCatalog.Advertised.Where(o => o.Has(OpNeeds.LowerDir)).Select(o => o.Name));
    }

    [Fact]
    public void Mkdir_of_an_existing_name_is_counted_as_EEXIST_not_thrown()
    {
        var rec = TimeAfter(new Mkdir(), 3, w => Directory.CreateDirectory(w.Targets.Text(1)));

        Assert.Equal(2, rec.Successes);
        Assert.Equal(1, rec.Failures);
        Assert.Equal(1, rec.Errnos[17]);
        var failure = Assert.Single(rec.FirstFailures);
        Assert.Equal("EEXIST", failure.ErrnoName);
        Assert.Equal("x-d1", failure.Path);
    }

    [Fact]
    public void A_failing_op_never_stops_the_batch()
    {
        var rec = TimeAfter(new Unlink(), 5, w => { File.Delete(w.Targets.Text(0)); File.Delete(w.Targets.Text(3)); });

        Assert.Equal(3, rec.Successes);
        Assert.Equal(2, rec.Errnos[2]);
        Assert.Equal(["ENOENT", "ENOENT"], rec.FirstFailures.Select(f => f.ErrnoName));
    }

    /// <summary>One worker's timed loop of <paramref name="op"/> over <paramref name="count"/> items ("x-" prefixed) after
    /// <paramref name="spoil"/> broke some of them: what the recorder got (failure paths relative to the directory).</summary>
    private OpRecorder TimeAfter(IOperation op, int count, Action<WorkerContext> spoil)
    {
        using var w = new WorkerContext(Tmp.Path, "x-", count);
        op.Prepare(w);
        spoil(w);
        var rec = new OpRecorder(op.Info.Name, 16, 1);
        BatchRunner.TimeWorker(op, w, rec, 0, p => Path.GetFileName(p));
        op.Cleanup(w);
        return rec;
    }

    [Theory]
    [InlineData(1, "EPERM")]
    [InlineData(2, "ENOENT")]
    [InlineData(5, "EIO")]
    [InlineData(13, "EACCES")]
    [InlineData(17, "EEXIST")]
    [InlineData(23, "ENFILE")]
    [InlineData(61, "ENODATA")]
    [InlineData(95, "EOPNOTSUPP")]
    [InlineData(107, "ENOTCONN")]
    [InlineData(116, "ESTALE")]
    [InlineData(999, "E999")]
    public void Errno_names_follow_linux(int errno, string name)
    {
        Assert.Equal(name, ErrnoNames.Name(errno));
    }

    [Fact]
    public void Shared_layout_puts_every_worker_in_one_directory()
    {
        var scratch = new ScratchRoot(Tmp.Path);
        var runner = new BatchRunner(scratch);
        var result = runner.Run(new ProbeRequest { Cmd = "batch", Op = "create", Count = 64, Workers = 4, Layout = Layouts.Shared });
        Assert.Equal(0, result.Failures);
        var session = Directory.GetDirectories(Tmp.Path).Single();
        Assert.Equal(["shared"], Directory.GetDirectories(session).Select(Path.GetFileName));
        scratch.RemoveCreated();
    }

    [Fact]
    public void The_reservoir_keeps_a_bounded_sample()
    {
        var rec = new OpRecorder("stat", 100, 7);
        for (int i = 1; i <= 10_000; i++) rec.Success(i);
        Assert.Equal(100, rec.Sample.Length);
        Assert.Equal(10_000, rec.Histogram.TotalCount);
        // a uniform sample of 1..10000 has its mean near 5000
        Assert.InRange(rec.Sample.ToArray().Average(), 3500, 6500);
    }
}
