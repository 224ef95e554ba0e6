using FsBench.Host.Soak;
using FsBench.Protocol;

namespace FsBench.Tests.Soak;

public class SoakTaxonomyTests
{
    private static TimeSeriesRow Window(long ops = 100, long failures = 0, string root = "OK", long stalls = 0, double hostMs = 1000, Dictionary<string, long>? errnos = null) =>
        SoakWindow.From(new SoakReply
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
        Assert.Equal("mount_failure", SoakWindow.ChannelLost(10, 3, 60_000, "kill#1").Classes);

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
        tally.Add(SoakWindow.ChannelLost(9, 8, 60_000, ""));     // the same mount failure incident
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

/// <summary>Issue 10: what a fault provoked is the fault's, not the provider's (constructed windows).</summary>
public class SoakFaultAttributionTests
{
    private static TimeSeriesRow Window(double endS, long failures = 0, string root = "OK", long stalls = 0, double hostMs = 1000, Dictionary<string, long>? errnos = null) =>
        SoakWindow.From(new SoakReply
        {
            Ops = 20, Failures = failures, Stalls = stalls, Errnos = errnos ?? new(),
            RootErrno = root == "OK" ? 0 : 107, RootErrnoName = root,
        }, endS, 0, hostMs, "", windowMs: 1000, stallMs: 1000);

    private static readonly AppliedFault[] Freeze = [new("freeze#1", FsBench.Host.Providers.Faults.Fault.Freeze, 10, 15)];

    private static void Add(ClassTally tally, TimeSeriesRow p) =>
        tally.Add(p, FaultAttribution.Overlapping(p.StartS, p.TS, Freeze), FaultAttribution.OfChannel(p.StartS, p.TS, Freeze));

    [Fact]
    public void Windows_overlap_a_fault_from_its_start_to_its_lift_and_a_lost_channel_also_in_the_grace_after_it()
    {
        Assert.Null(FaultAttribution.Overlapping(8, 9.9, Freeze));
        Assert.Equal("freeze#1", FaultAttribution.Overlapping(9.5, 10.5, Freeze));
        Assert.Equal("freeze#1", FaultAttribution.Overlapping(14.5, 16.5, Freeze));   // the window that straddles the thaw
        Assert.Null(FaultAttribution.Overlapping(15.5, 16.5, Freeze));
        Assert.Equal("freeze#1", FaultAttribution.OfChannel(20, 21, Freeze));        // gvproxy's retries after SIGCONT
        Assert.Null(FaultAttribution.OfChannel(15 + FaultAttribution.ChannelGrace.TotalSeconds + 1, 30, Freeze));
    }

    [Fact]
    public void A_lost_channel_and_stalls_inside_a_freeze_are_the_freezes_and_failures_after_it_are_the_providers()
    {
        var tally = new ClassTally();
        Add(tally, Window(9));
        Add(tally, Window(10.5, hostMs: 1500, stalls: 3));                             // the freeze begins: a stall incident, the freeze's
        Add(tally, Window(14, hostMs: 3500, stalls: 20));                              // the same incident
        Add(tally, SoakWindow.ChannelLost(22, 3, 8000, "freeze#1"));                    // the tunnel gave up after the thaw: the freeze's
        Add(tally, Window(23, failures: 4, errnos: new() { ["ENOENT"] = 4 }));        // failing lookups after the wake: the provider's
        Add(tally, Window(24, stalls: 2));                                             // a stall of its own
        Add(tally, Window(40, failures: 1, root: "ENOTCONN", errnos: new() { ["ENOTCONN"] = 1 }));   // a mount failure of its own

        Assert.Equal(1, tally.Count(FailureClass.Stall));
        Assert.Equal(2, tally.StalledOps);
        Assert.Equal(1, tally.Count(FailureClass.MountFailure));
        Assert.Equal(4, tally.Count(FailureClass.OperationError));
        var freeze = Assert.Single(tally.DuringFaults);
        Assert.Equal(("freeze#1", 1L, 1L, 23L, 0L), (freeze.Fault, freeze.MountFailures, freeze.Stalls, freeze.StalledOps, freeze.OperationErrors));

        var file = tally.ToFile(60, [], [], null);
        Assert.Equal(4, file.Classes["operation_error"].Detail["ENOENT"]);
        Assert.Equal("freeze#1", Assert.Single(file.DuringFaults).Fault);
    }

    [Fact]
    public void Failed_actions_in_a_window_that_overlaps_the_fault_are_the_faults_and_keep_their_errnos()
    {
        var tally = new ClassTally();
        Add(tally, Window(15.5, failures: 2, errnos: new() { ["EIO"] = 2 }));
        Assert.Equal(0, tally.Count(FailureClass.OperationError));
        Assert.Equal(2, Assert.Single(tally.DuringFaults).Errnos["EIO"]);
    }
}
