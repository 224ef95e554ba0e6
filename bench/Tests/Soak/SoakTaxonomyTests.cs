using FsBench.Host.Soak;
using FsBench.Protocol;

namespace FsBench.Tests.Soak;

public class SoakTaxonomyTests
{
    private static SoakPoint Window(long ops = 100, long failures = 0, string root = "OK", long stalls = 0, double hostMs = 1000, Dictionary<string, long>? errnos = null) =>
        SoakPoint.From(new SoakReply
        {
            Ops = ops, Failures = failures, Stalls = stalls, Errnos = errnos ?? new(),
            RootErrno = root == "OK" ? 0 : 107, RootErrnoName = root,
        }, 1, 0, hostMs, "", windowMs: 1000, stallMs: 1000);

    [Fact]
    public void A_failed_op_with_the_root_answering_is_an_operation_error()
    {
        Assert.Equal(FailureClass.OperationError, Taxonomy.OfFailedOp(rootErrno: 0));
        var p = Window(failures: 3, errnos: new() { ["EIO"] = 3 });
        Assert.Equal("operation_error", p.Classes);
    }

    [Fact]
    public void A_failed_op_while_the_root_does_not_answer_is_a_mount_failure_not_an_operation_error()
    {
        Assert.Equal(FailureClass.MountFailure, Taxonomy.OfFailedOp(rootErrno: 107));
        var p = Window(failures: 5, root: "ENOTCONN", errnos: new() { ["ENOTCONN"] = 5 });
        Assert.True(p.Has(FailureClass.MountFailure));
        Assert.False(p.Has(FailureClass.OperationError));
    }

    [Fact]
    public void A_lost_channel_is_a_mount_failure() =>
        Assert.Equal("mount_failure", SoakPoint.ChannelLost(10, 3, 60_000, "kill#1").Classes);

    [Fact]
    public void A_window_with_stalled_ops_is_a_stall()
    {
        Assert.Equal("stall", Window(stalls: 40).Classes);
        Assert.Equal("", Window(stalls: 0).Classes);
    }

    [Fact]
    public void A_window_the_host_waited_for_too_long_is_a_stall_even_if_the_guest_clock_saw_nothing()
    {
        Assert.Equal("stall", Window(hostMs: 4100).Classes);      // QMP stop freezes the guest's clock
        Assert.Equal("", Window(hostMs: 1900).Classes);
    }

    [Fact]
    public void The_tally_counts_op_errors_per_op_and_stalls_and_mount_failures_per_unbroken_incident()
    {
        var tally = new ClassTally();
        tally.Add(Window());
        tally.Add(Window(stalls: 10));
        tally.Add(Window(hostMs: 5000));                          // the same stall incident
        tally.Add(Window());
        tally.Add(Window(stalls: 1));                             // a second stall incident
        tally.Add(Window(failures: 2, errnos: new() { ["ENOENT"] = 2 }));
        tally.Add(Window(failures: 7, root: "ENOTCONN", errnos: new() { ["ENOTCONN"] = 7 }));
        tally.Add(SoakPoint.ChannelLost(9, 8, 60_000, ""));     // the same mount failure incident
        tally.AddKnownBugs([new KnownBugResult { Name = "mkdir_mode0", Runs = 3, Deviations = 2 }]);

        Assert.Equal(2, tally.Count(FailureClass.Stall));
        Assert.Equal(11, tally.StalledOps);
        Assert.Equal(2, tally.Count(FailureClass.OperationError));
        Assert.Equal(1, tally.Count(FailureClass.MountFailure));
        Assert.Equal(7, tally.OpsInMountFailures);
        Assert.Equal(2, tally.Count(FailureClass.SemanticDeviation));
    }

    [Fact]
    public void Zero_counts_state_the_Poisson_95_percent_upper_bound_per_hour()
    {
        var tally = new ClassTally();
        tally.Add(Window());
        var file = tally.ToFile(exposureSeconds: 1800, [], [], null);
        var errors = file.Classes["operation_error"];
        Assert.Equal(0, errors.Count);
        Assert.Equal(6.0, errors.Upper95PerHour!.Value, 6);       // 3.0 / 0.5 h
        Assert.Equal(6.0, Taxonomy.ZeroCountUpperBoundPerHour(0.5), 6);
        Assert.Equal(["mount_failure", "semantic_deviation", "operation_error", "stall"], file.Classes.Keys);
    }

    [Fact]
    public void Nonzero_counts_state_a_rate_and_no_bound()
    {
        var tally = new ClassTally();
        tally.Add(Window(failures: 4, errnos: new() { ["EACCES"] = 4 }));
        var errors = tally.ToFile(exposureSeconds: 7200, [], [], null).Classes["operation_error"];
        Assert.Equal(2.0, errors.PerHour, 6);
        Assert.Null(errors.Upper95PerHour);
        Assert.Equal(4, errors.Detail["EACCES"]);
    }
}
