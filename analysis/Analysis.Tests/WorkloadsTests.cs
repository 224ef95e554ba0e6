using Analysis.Statistics;
using FsBench.Protocol;

namespace Analysis.Tests;

/// <summary>The workload record (written by the host, read here) and the percentage of native.</summary>
public sealed class WorkloadsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fsbench-workloads-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_workload_row_reads_back_as_written()
    {
        var row = new WorkloadRow("qemu-9p", "bind", "build", 2, 4695, 3, 9_123_456_789, 812_345_678, 3,
            new Dictionary<string, long> { ["ENOENT"] = 2, ["OK"] = 1 });
        string path = Path.Combine(_dir, WorkloadRow.FileName);
        File.WriteAllText(path, WorkloadRow.Header + "\n" + row.Line() + "\n");
        var back = Assert.Single(WorkloadRow.Read(path));
        Assert.Equal(row with { FailuresByErrno = back.FailuresByErrno }, back);
        Assert.Equal(row.FailuresByErrno.OrderBy(e => e.Key), back.FailuresByErrno.OrderBy(e => e.Key));
    }

    [Fact]
    public void A_bad_workload_row_names_its_line()
    {
        string path = Path.Combine(_dir, WorkloadRow.FileName);
        File.WriteAllText(path, WorkloadRow.Header + "\nlocal,bind,build,x,1,1,1,1,0,\n");
        Assert.Contains(":2:", Assert.Throws<FormatException>(() => WorkloadRow.Read(path)).Message);
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
