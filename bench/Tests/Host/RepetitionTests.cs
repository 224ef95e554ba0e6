using FsBench.Host.Study;
using FsBench.Protocol;
using HdrHistogram;

namespace FsBench.Tests.Host;

/// <summary>The order of repetitions, and what a launch's warmup batches may (not) reach.</summary>
public sealed class RepetitionTests : TempDirTest
{
    private static readonly string[] Providers = ["local", "podman", "qemu-virtiofs", "qemu-9p", "applehv", "libkrun"];
    private static readonly HashSet<string> Exclusive = ["applehv", "libkrun"];

    [Fact]
    public void Every_repetition_is_a_seeded_permutation_and_the_order_changes_between_repetitions()
    {
        var plan = RepetitionPlan.Create(Providers, Exclusive, 6, seed: 42);
        Assert.Equal(6, plan.Count);
        Assert.All(plan, r => Assert.Equal(Providers.Order(), r.Order.Order()));
        Assert.True(plan.Select(r => string.Join(",", r.Order)).Distinct().Count() > 1, "the order never changed");
        var again = RepetitionPlan.Create(Providers, Exclusive, 6, seed: 42);
        Assert.Equal(plan.Select(r => string.Join(",", r.Order)), again.Select(r => string.Join(",", r.Order)));
    }

    [Fact]
    public void Exclusive_providers_get_a_segment_each_and_the_others_share_one_in_the_repetitions_order()
    {
        foreach (var r in RepetitionPlan.Create(Providers, Exclusive, 5, seed: 7))
        {
            Assert.Equal(3, r.Segments.Count);
            var exclusive = r.Segments.Where(s => s.Exclusive).ToList();
            Assert.All(exclusive, s => Assert.Single(s.Providers));
            Assert.Equal(Exclusive.Order(), exclusive.Select(s => s.Providers[0]).Order());
            var shared = Assert.Single(r.Segments, s => !s.Exclusive);
            Assert.Equal(r.Order.Where(p => !Exclusive.Contains(p)), shared.Providers);
            // Segments follow the order: the shared one sits where its first provider falls.
            Assert.Equal(r.Order.Where(p => Exclusive.Contains(p) || p == shared.Providers[0]), r.Segments.Select(s => s.Providers[0]));
        }
    }

    [Fact]
    public void Each_odd_repetition_reverses_the_one_before_so_two_machines_alternate()
    {
        var plan = RepetitionPlan.Create(["applehv", "libkrun"], new HashSet<string> { "applehv", "libkrun" }, 4, seed: 3);
        for (int r = 1; r < plan.Count; r += 2)
            Assert.Equal(plan[r - 1].Order.Reverse(), plan[r].Order);
        Assert.All(plan, r => Assert.All(r.Segments, s => Assert.True(s.Exclusive && s.Providers.Count == 1)));
        // applehv first in exactly half of the repetitions: drift falls on both alike
        Assert.Equal(2, plan.Count(r => r.Order[0] == "applehv"));
    }

    [Fact]
    public void Machine_providers_declare_that_they_run_alone()
    {
        Assert.True(FsBench.Host.Providers.ProviderCatalog.Create("applehv").ExclusiveActive);
        Assert.True(FsBench.Host.Providers.ProviderCatalog.Create("libkrun").ExclusiveActive);
        Assert.False(FsBench.Host.Providers.ProviderCatalog.Create("qemu-virtiofs").ExclusiveActive);
    }

    [Fact]
    public void Zero_repetitions_are_refused()
    {
        var e = Assert.Throws<StudyException>(() => RepetitionPlan.Create(Providers, Exclusive, 0, 1));
        Assert.Contains("repetitions", e.Message);
    }

    [Fact]
    public void Warmup_batches_reach_neither_the_histogram_nor_the_sample_nor_the_failure_counts()
    {
        var folder = RunFolder.Create(Path.Combine(Tmp.Path, "run"));
        var key = new CaseKey("local", "bind", "mkdir", 1);
        // Launch 1: one warmup batch at 1 ms with 3 failures, two measured batches at 10 us.
        var first = new CaseRecorder(key, "private", 1024, folder, repetition: 0, warmup: 1);
        first.Add(Batch(1_000_000, failures: 3));
        first.Add(Batch(10_000));
        first.Add(Batch(10_000));
        // Launch 2 continues the case file: again a slow warmup batch, then two measured ones at 20 us.
        var second = new CaseRecorder(key, "private", 1024, folder, repetition: 1, warmup: 1, earlier: folder.ReadCase(key));
        second.Add(Batch(1_000_000, failures: 2));
        second.Add(Batch(20_000));
        second.Add(Batch(20_000));

        var c = folder.ReadCase(key)!;
        Assert.Equal(4 * 256, c.Ops);
        Assert.Equal(0, c.Failures);
        Assert.Empty(c.Errnos);
        Assert.Equal(2 * 256, c.WarmupOps);
        Assert.Equal(5, c.WarmupFailures);
        Assert.Equal(5, c.WarmupErrnos["EIO"]);
        Assert.Equal(4, c.Batches);
        Assert.Equal(2, c.WarmupBatches);
        Assert.True(c.SamplesNs.Max() <= 20_100, "a warmup latency reached the sample");
        Assert.Equal(4 * 256, HistogramCodec.Decode(c.Histogram).TotalCount);
        Assert.True(c.P999Ns < 21_000, $"p99.9 {c.P999Ns} includes warmup");

        Assert.Equal([0, 1], c.Launches.Select(l => l.Repetition));
        Assert.All(c.Launches, l => Assert.Equal([true, false, false], l.Batches.Select(b => b.Warmup)));
        Assert.All(c.Launches, l => Assert.Equal([0, 1, 2], l.Batches.Select(b => b.Index)));
        Assert.Equal(2 * 256, HistogramCodec.Decode(c.Launches[1].Histogram).TotalCount);
        Assert.InRange(c.Launches[0].P50Ns, 9_900, 10_100);
        Assert.InRange(c.Launches[1].P50Ns, 19_900, 20_100);
    }

    private static BatchResult Batch(long latencyNs, long failures = 0)
    {
        var h = new LongHistogram(3_600_000_000_000L, 3);
        for (int i = 0; i < 256 - failures; i++) h.RecordValue(latencyNs);
        return new BatchResult
        {
            Op = "mkdir", Workers = 1, Ops = 256, Failures = failures, WallNs = latencyNs * 256, P50Ns = latencyNs, MaxNs = latencyNs,
            Errnos = failures > 0 ? new() { ["EIO"] = failures } : new(),
            Histogram = HistogramCodec.Encode(h), SamplesNs = Enumerable.Repeat(latencyNs, (int)(256 - failures)).ToArray(),
        };
    }
}
