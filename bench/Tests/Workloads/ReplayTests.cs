using System.Diagnostics;
using FsBench.Host.Workloads;
using FsBench.Probe.Replay;
using FsBench.Probe.Session;
using FsBench.Protocol;
using FsBench.Protocol.Trace;

namespace FsBench.Tests.Workloads;

/// <summary>The replay of traces recorded from real tools on this kind of host, on the local filesystem.</summary>
public sealed class ReplayTests : TempDirTest
{
    private static string TracesDir => Path.Combine(Requirements.RepoRoot, "bench/workloads/traces");
    private static string Trace(string name) => File.ReadAllText(WorkloadCatalog.TracePath(TracesDir, name));

    public static TheoryData<string> AllWorkloads() => new(WorkloadCatalog.Names);

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void A_committed_trace_replays_on_local_with_every_call_of_each_kind_and_no_failures(string name)
    {
        var w = WorkloadCatalog.Find(name)!;
        var reply = Replay(Trace(w.Trace), w.Setup.Select(Trace).ToArray(), name);
        AssertFaithful(TraceFormat.Parse(Trace(w.Trace)), reply);
        Assert.True(reply.WallNs > 0);
    }

    [RequiresStraceFact]
    public void A_trace_recorded_now_with_strace_replays_with_the_same_calls_and_no_failures()
    {
        // a real tool run under strace on the host, converted, then replayed in another, empty workspace
        string ws = Path.Combine(Tmp.Path, "recorded");
        Directory.CreateDirectory(ws);
        string log = Path.Combine(Tmp.Path, "strace.txt");
        string script = "mkdir -p a/b && echo one > a/b/f && cp a/b/f a/g && mv a/g a/h && ln a/h a/i && ln -s h a/j && " +
                        "chmod 600 a/h && ls -l a > /dev/null && rm -rf a/b && touch a/k && rm a/i";
        var psi = new ProcessStartInfo("strace") { WorkingDirectory = ws, RedirectStandardError = true };
        foreach (var a in new[] { "-f", "-qq", "-y", "-X", "raw", "-e", "signal=none", "-o", log, "-e",
                     "trace=%file,%desc,chdir,fchdir,clone,clone3,fork,vfork,execve", "sh", "-c", script })
            psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!) { p.WaitForExit(); Assert.Equal(0, p.ExitCode); }

        var conv = new StraceConverter(ws, ws);
        using (var r = new StreamReader(log)) foreach (var line in StraceReader.Read(r)) conv.Add(line);
        var text = new StringWriter();
        TraceFormat.Write(text, "test", conv.Calls);
        var calls = TraceFormat.Parse(text.ToString());
        foreach (var op in new[] { "mkdir", "rename", "link", "symlink", "chmod", "unlink", "rmdir", "getdents", "write", "utimens" })
            Assert.Contains(calls, c => c.Op == op);
        Assert.All(calls, c => Assert.False(Path.IsPathRooted(c.Path!), c.Path));

        AssertFaithful(calls, Replay(text.ToString(), [], "live"));
    }

    [Fact]
    public void A_call_that_fails_differently_from_the_recording_is_counted_by_errno_and_the_replay_goes_on()
    {
        // recorded: mkdir d succeeded, stat of a missing file failed with ENOENT; replayed: d exists already (EEXIST)
        string trace = TraceFormat.Magic + "\n" +
                       "1\tmkdir\td\t-\t-\t0755\t-\t-\t0\n" +
                       "1\tmkdir\td\t-\t-\t0755\t-\t-\t0\n" +
                       "1\tstat\tmissing\t-\t-\t-\t-\t-\tENOENT\n" +
                       "1\tstat\td\t-\t-\t-\t-\t-\t0\n";
        var reply = Replay(trace, [], "t");
        Assert.Equal(4, reply.Calls);
        Assert.Equal(1, reply.Failures);
        Assert.Equal(1, reply.FailuresByErrno["EEXIST"]);
        Assert.Equal(1, reply.Errnos["ENOENT"]);   // as recorded: counted, not a failure
        Assert.Equal(2, reply.PerOp["stat"].Count);
    }

    [Fact]
    public void Threads_that_ran_at_once_become_workers_and_wait_for_the_paths_they_need()
    {
        // thread 2 creates a file in the directory thread 1 made; thread 3 starts after 1 ended and reuses its lane
        var calls = TraceFormat.Parse(
            "1\tmkdir\td\t-\t-\t0755\t-\t-\t0\n" +
            "2\topen\td/f\t-\tWRONLY|CREAT\t0644\t-\t1\t0\n" +
            "1\tstat\td\t-\t-\t-\t-\t-\t0\n" +
            "2\tclose\td/f\t-\t-\t-\t-\t1\t0\n" +
            "3\tunlink\td/f\t-\t-\t-\t-\t-\t0\n");
        var plan = ReplayPlan.Build(calls);
        Assert.Equal(2, plan.LaneCount);
        Assert.Equal([0], plan.Deps[1]);      // the create waits for the mkdir
        Assert.Equal(plan.Lane[0], plan.Lane[4]);
        Assert.Contains(3, plan.Deps[4]);     // the unlink waits for the close of the file
    }

    [Fact]
    public void A_malformed_trace_line_is_refused_with_where_and_what()
    {
        var e = Assert.Throws<TraceFormatException>(() => TraceFormat.Parse("1\tfly\tx\t-\t-\t-\t-\t-\t0\n", "t.tsv"));
        Assert.Contains("t.tsv:1: unknown op 'fly'", e.Message);
        Assert.Throws<ProbeException>(() => new ReplayRunner(new ScratchRoot(Tmp.Path)).Run(
            new ProbeRequest { Cmd = "replay", Trace = "1\tmkdir\td\n" }));
    }

    private ReplayReply Replay(string trace, string[] setup, string name)
    {
        var scratch = new ScratchRoot(Tmp.Path);
        try { return new ReplayRunner(scratch).Run(new ProbeRequest { Cmd = "replay", Workload = name, Trace = trace, SetupTraces = setup }); }
        finally { scratch.RemoveCreated(); }
    }

    private static void AssertFaithful(List<TraceCall> calls, ReplayReply reply)
    {
        var expected = calls.GroupBy(c => c.Op).ToDictionary(g => g.Key, g => (long)g.Count());
        var replayed = reply.PerOp.ToDictionary(e => e.Key, e => e.Value.Count);
        Assert.Equal(expected.OrderBy(e => e.Key), replayed.OrderBy(e => e.Key));
        Assert.True(reply.Failures == 0, $"{reply.Failures} failure(s): {string.Join("; ", reply.FirstFailures.Select(f => $"{f.Op} {f.Path}: {f.ErrnoName}"))}");
    }
}

/// <summary>A fact skipped, with the reason, where strace is not installed (./run-bench.sh setup installs it).</summary>
public sealed class RequiresStraceFactAttribute : FactAttribute
{
    public RequiresStraceFactAttribute()
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "strace")));
        if (!found) Skip = "strace is not installed (apt-get install strace; ./run-bench.sh setup does)";
    }
}
