using Analysis.Statistics;
using FsBench.RunFormat;

namespace Analysis.Tests;

/// <summary>The workload record (written by the host, read here) and the percentage of native.</summary>
public sealed class WorkloadsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fsbench-workloads-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_workload_row_reads_back_as_written()
    {
        var row = new WorkloadRow
        {
            Provider = "qemu-9p", Mount = "bind", Workload = "build", Rep = 2, Calls = 4695, Lanes = 3, WallNs = 9_123_456_789,
            SetupNs = 812_345_678, Failures = 3, FailuresByErrno = new Dictionary<string, long> { ["OK"] = 1, ["ENOENT"] = 2 },
        };
        var layout = new RunFolderLayout(_dir);
        RunFormatCsv.Append(layout.Workloads, row);
        Assert.Equal(["provider,mount,workload,rep,calls,lanes,wall_ns,setup_ns,failures,failures_by_errno",
            "qemu-9p,bind,build,2,4695,3,9123456789,812345678,3,ENOENT:2;OK:1"], File.ReadAllLines(layout.Workloads));
        var back = Assert.Single(WorkloadRow.ReadIfPresent(_dir));
        Assert.Equal((row.Provider, row.Rep, row.WallNs, row.SetupNs, row.Failures), (back.Provider, back.Rep, back.WallNs, back.SetupNs, back.Failures));
        Assert.Equal(row.FailuresByErrno.OrderBy(e => e.Key), back.FailuresByErrno.OrderBy(e => e.Key));
    }

    [Fact]
    public void A_bad_workload_row_is_a_one_line_error_naming_the_file()
    {
        var layout = new RunFolderLayout(_dir);
        File.WriteAllText(layout.Workloads, RunFormatCsv.Header<WorkloadRow>() + "\nlocal,bind,build,x,1,1,1,1,0,\n");
        var e = Assert.Throws<RunFormatException>(() => WorkloadRow.ReadIfPresent(_dir));
        Assert.StartsWith(layout.Workloads + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_run_without_workloads_has_no_rows()
    {
        Assert.Empty(WorkloadRow.ReadIfPresent(_dir));
    }

    [Fact]
    public void Twice_the_time_of_local_is_50_percent_of_native_and_the_interval_holds_the_spread()
    {
        var same = PercentOfNative.Of([2.0, 2.0, 2.0], [1.0, 1.0, 1.0])!.Value;
        Assert.Equal(50, same.Value, 6);
        Assert.Equal(50, same.Lower, 6);
        Assert.Equal(50, same.Upper, 6);
        var spread = PercentOfNative.Of([1.0, 2.0, 4.0], [1.0, 1.0, 1.0])!.Value;
        Assert.Equal(50, spread.Value, 6);
        Assert.InRange(spread.Lower, 25 - 1e-9, 50);
        Assert.InRange(spread.Upper, 50, 100 + 1e-9);
        Assert.Null(PercentOfNative.Of([1.0], []));
    }
}
