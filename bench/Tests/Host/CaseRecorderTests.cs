using FsBench.Host.Study;
using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Tests.Host;

/// <summary>How a case's batches add up in probe/&lt;case&gt;.json: histogram, errnos, first failures, sample, channel failure.</summary>
public sealed class CaseRecorderTests : TempDirTest
{
    private static BatchResult Batch(long[] latencies, long failures = 0, long wallNs = 1_000_000, params FailureRecord[] first)
    {
        var h = new LongHistogram(3_600_000_000_000L, 3);
        foreach (long ns in latencies) h.RecordValue(ns);
        return new BatchResult
        {
            Ops = latencies.Length + failures, Failures = failures, WallNs = wallNs, Histogram = HistogramCodec.Encode(h), SamplesNs = latencies,
            Errnos = failures > 0 ? new() { ["EIO"] = failures } : new(), FirstFailures = [.. first],
        };
    }

    [Fact]
    public void Batches_merge_into_one_case_file_written_after_each()
    {
        var folder = RunFolder.Create(Path.Combine(Tmp.Path, "run"));
        var key = new CaseKey("local", "bind", "mkdir", 1);
        var rec = new CaseRecorder(key, "private", sampleCap: 1000, folder);
        rec.Add(Batch([1000, 2000, 3000], failures: 1, wallNs: 5_000, first: new FailureRecord { Op = "mkdir", ErrnoName = "EIO", Errno = 5, TNs = 100 }));
        rec.Add(Batch([4000, 5000], failures: 2, wallNs: 7_000, first: new FailureRecord { Op = "mkdir", ErrnoName = "EIO", Errno = 5, TNs = 50 }));

        var c = rec.Snapshot();
        Assert.Equal((8L, 3L, 12_000L, 2), (c.Ops, c.Failures, c.WallNs, c.Batches));   // ops count the failed ones too
        Assert.Equal(3, c.Errnos["EIO"]);
        Assert.Equal([100L, 5_050L], c.FirstFailures.Select(f => f.TNs));   // the second batch's times follow the first's wall time
        Assert.Equal(5, HistogramCodec.Decode(c.Histogram).TotalCount);
        Assert.InRange(c.P50Ns, 2990, 3010);                                 // the merged median, not either batch's
        Assert.Equal([1000L, 2000, 3000, 4000, 5000], c.SamplesNs.Order());
        Assert.True(File.Exists(Path.Combine(folder.ProbeDir, key.ProbeFileName)));
    }

    [Fact]
    public void The_sample_stays_within_its_cap_and_a_channel_failure_keeps_what_came_before()
    {
        var folder = RunFolder.Create(Path.Combine(Tmp.Path, "run"));
        var rec = new CaseRecorder(new CaseKey("qemu-virtiofs", "bind", "stat", 4), "private", sampleCap: 10, folder);
        for (int b = 0; b < 5; b++) rec.Add(Batch([.. Enumerable.Range(1, 100).Select(i => (long)(b * 1000 + i))]));
        rec.ChannelFailed("the guest died");
        var c = rec.Snapshot();
        Assert.Equal(10, c.SamplesNs.Length);
        Assert.Equal(500, c.Ops);
        Assert.Equal("the guest died", c.ChannelFailure);
        Assert.Contains(c.SamplesNs, s => s > 1000);   // a uniform sample reaches beyond the first batch
    }

    [Fact]
    public void The_first_batches_of_a_launch_are_warmup_and_the_standard_profile_makes_them_short()
    {
        var folder = RunFolder.Create(Path.Combine(Tmp.Path, "run"));
        var rec = new CaseRecorder(new CaseKey("local", "bind", "stat", 1), "private", sampleCap: 100, folder, repetition: 0, warmup: 2);
        var warmups = new List<bool>();
        for (int i = 0; i < 4; i++)
        {
            warmups.Add(rec.NextIsWarmup);
            rec.Add(Batch([1000, 2000]));
        }
        Assert.Equal([true, true, false, false], warmups);
        Assert.Equal((2, 2), (rec.Snapshot().WarmupBatches, rec.Snapshot().Batches));

        var standard = StudySettings.ForProfile("standard");
        Assert.Equal((StudySettings.ShortWarmup, StudySettings.BatchSize), (standard.OpsInBatch(warmup: true), standard.OpsInBatch(warmup: false)));
        Assert.Equal(StudySettings.BatchSize, StudySettings.ForProfile("smoke").OpsInBatch(warmup: true));   // smoke keeps a full warmup batch
        Assert.Equal(StudySettings.ShortWarmup, standard.ToManifest().WarmupBatchSize);
    }
}
