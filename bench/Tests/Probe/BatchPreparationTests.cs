using FsBench.Probe.Libc;
using FsBench.Probe.Ops;
using FsBench.Probe.Session;
using FsBench.Protocol;

namespace FsBench.Tests.Probe;

/// <summary>
/// A batch's untimed preparation can fail (AVF's flaky mkdirat, a read-only directory): the failure is counted in the
/// batch's prep phase, by errno, and the batch still answers with every operation it timed.
/// </summary>
public sealed class BatchPreparationTests : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose()
    {
        foreach (var d in Directory.EnumerateDirectories(_tmp.Path, "*", SearchOption.AllDirectories)) Native_Chmod(d);
        _tmp.Dispose();
    }

    private static void Native_Chmod(string d) => File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    [Fact]
    public void A_fixture_that_cannot_be_made_is_a_prep_failure_by_errno_and_the_batch_still_answers()
    {
        var op = new Stat();
        string dir = Path.Combine(_tmp.Path, "w0");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "x-st1"), "");        // item 1 exists already: its create fails with EEXIST
        using var w = new WorkerContext(dir, "x-", 4) { Prep = new FsBench.Probe.Recording.PrepTally("stat") };

        BatchRunner.PrepareWorker(op, w);

        Assert.Equal(1, w.Prep.Failures);
        Assert.Equal(1, w.Prep.Errnos[17]);
        var f = Assert.Single(w.Prep.FirstFailures);
        Assert.Equal((Phases.Prep, "EEXIST", "stat"), (f.Phase, f.ErrnoName, f.Op));
        op.Cleanup(w);
    }

    [Fact]
    public void A_worker_directory_that_cannot_be_made_counts_once_and_the_ops_then_fail_by_errno()
    {
        var scratch = new ScratchRoot(_tmp.Path);
        var runner = new BatchRunner(scratch);
        // the first batch makes the session directory; then a file takes the place of the next worker directory
        runner.Run(new ProbeRequest { Cmd = "batch", Op = "mkdir", Count = 2, Workers = 1 });
        string session = Directory.GetDirectories(_tmp.Path).Single();
        Directory.Delete(Path.Combine(session, "w0"), recursive: true);
        File.WriteAllText(Path.Combine(session, "w0"), "not a directory");

        var result = runner.Run(new ProbeRequest { Cmd = "batch", Op = "stat", Count = 10, Workers = 1 });

        Assert.Equal(10, result.Ops);                         // nothing of the batch is lost
        Assert.Equal(10, result.Failures);                    // the stats meet what is there
        Assert.Equal(10, result.Errnos["ENOTDIR"]);
        Assert.Equal(10, result.PrepFailures);                // each fixture, by errno (w0's mkdir meets EEXIST, as on every later batch)
        Assert.Equal(10, result.PrepErrnos["ENOTDIR"]);
        Assert.Contains(result.FirstFailures, f => f.Phase == Phases.Prep);
        scratch.RemoveCreated();
    }

    [Fact]
    public void A_clean_batch_has_no_prep_failures()
    {
        var scratch = new ScratchRoot(_tmp.Path);
        var result = new BatchRunner(scratch).Run(new ProbeRequest { Cmd = "batch", Op = "rmdir", Count = 20, Workers = 2 });
        Assert.Equal(0, result.PrepFailures);
        Assert.Empty(result.PrepErrnos);
        Assert.Equal(0, result.Failures);
        scratch.RemoveCreated();
    }

    [Theory]
    [InlineData("stat")]
    [InlineData("open")]
    [InlineData("getxattr")]
    [InlineData("listxattr")]
    [InlineData("chmod")]
    [InlineData("utimens")]
    public void Ops_on_existing_files_act_on_a_different_file_each_time(string name)
    {
        var op = OperationCatalog.Find(name)!;
        using var w = new WorkerContext(_tmp.Path, "m-", 16) { Prep = new FsBench.Probe.Recording.PrepTally(name) };
        BatchRunner.PrepareWorker(op, w);
        Assert.Equal(16, w.Targets.Count);
        Assert.Equal(16, w.Targets.Texts.Distinct().Count());
        Assert.All(w.Targets.Texts, p => Assert.True(File.Exists(p), p));
        Assert.Equal(0, w.Shared.Count);
        op.Cleanup(w);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tmp.Path));
    }
}

/// <summary>The timed loop does the system call and its timing, nothing else: it allocates nothing.</summary>
public sealed class TimedLoopTests : TempDirTest
{
    [Theory]
    [InlineData("mkdir")]
    [InlineData("stat")]
    [InlineData("create")]
    [InlineData("getxattr")]
    [InlineData("unlink")]
    [InlineData("stat_cold")]
    public void The_timed_loop_allocates_nothing_even_when_ops_fail(string name)
    {
        var op = OperationCatalog.Find(name)!;
        // a cold op's files are the host's, made before the batch
        string[] hostFiles = name.EndsWith("_cold") ? Enumerable.Range(0, 2000).Select(i => Path.Combine(Tmp.Path, $"h{i}")).ToArray() : [];
        foreach (var f in hostFiles) File.WriteAllText(f, "");
        using var w = new WorkerContext(Tmp.Path, "t-", 2000) { Prep = new FsBench.Probe.Recording.PrepTally(name), HostFiles = hostFiles };
        BatchRunner.PrepareWorker(op, w);
        var loop = new TimedLoop(w.Count);
        loop.Run(op, w);                                    // first run: any one-time initialisation happens here

        // The steady state allocates nothing. A run can still see a one-time runtime transition (the JIT tiering the
        // loop up while other tests run it too), so the least of three runs is asserted.
        long allocated = long.MaxValue;
        for (int attempt = 0; attempt < 3 && allocated > 0; attempt++)
        {
            op.Cleanup(w);
            BatchRunner.PrepareWorker(op, w);
            File.Delete(w.Targets.Text(7));                 // ops on existing files: item 7 fails (ENOENT), a failure allocates nothing either
            long before = GC.GetAllocatedBytesForCurrentThread();
            loop.Run(op, w);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        var rec = new FsBench.Probe.Recording.OpRecorder(name, 16, 1);
        loop.Record(w, rec, 0, p => p);
        Assert.Equal(name is "mkdir" or "create" ? 0 : 1, rec.Errnos[2]);   // the failure was recorded after the loop
        op.Cleanup(w);
    }
}
