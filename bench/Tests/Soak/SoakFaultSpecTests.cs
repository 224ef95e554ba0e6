using FsBench.Host.Providers.Faults;
using FsBench.Host.Soak;
using FsBench.Host.Study;

namespace FsBench.Tests.Soak;

public class SoakFaultSpecTests
{
    [Fact]
    public void The_documented_example_parses_into_three_clauses()
    {
        var specs = FaultSpecParser.Parse("pause:every=60s,for=5s;stall:at=120s,for=10s;kill:at=300s");
        Assert.Equal(3, specs.Count);
        Assert.Equal(new FaultSpec(Fault.Pause, null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), null), specs[0]);
        Assert.Equal(new FaultSpec(Fault.Stall, TimeSpan.FromSeconds(120), null, TimeSpan.FromSeconds(10), null), specs[1]);
        Assert.Equal(new FaultSpec(Fault.Kill, TimeSpan.FromSeconds(300), null, null, null), specs[2]);
        Assert.Equal("pause:every=1m,for=5s", specs[0].ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("none")]
    [InlineData("  ")]
    public void Nothing_means_no_faults(string text) => Assert.Empty(FaultSpecParser.Parse(text));

    [Theory]
    [InlineData("nap:at=5s,for=1s", "unknown fault 'nap' (pause|freeze|stall|kill|sleep)")]
    [InlineData("freeze:at=5s", "freeze needs for=DURATION")]
    [InlineData("sleep:at=5s", "sleep needs for=DURATION")]
    [InlineData("pause:at=5s", "pause needs for=DURATION")]
    [InlineData("pause:for=5s", "needs at= or every=")]
    [InlineData("kill:at=5s,for=1s", "kill is instantaneous")]
    [InlineData("kill:every=60s", "kill happens once")]
    [InlineData("pause:every=5s,for=5s", "for= must be shorter than every=")]
    [InlineData("stall:at=soon,for=1s", "'soon' is not a duration")]
    [InlineData("stall:at=1s,for=1s,when=2s", "unknown key 'when'")]
    [InlineData("stall:at=1s,for=1s,count=0", "count '0'")]
    [InlineData("stall:at", "'at' is not key=value")]
    public void Bad_clauses_are_one_clear_error(string text, string expected)
    {
        var e = Assert.Throws<StudyException>(() => FaultSpecParser.Parse(text));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("--faults: ", e.Message);
    }

    [Fact]
    public void The_soak_takes_all_five_kinds_of_the_one_vocabulary()
    {
        var specs = FaultSpecParser.Parse("pause:at=1s,for=1s;freeze:at=3s,for=1s;stall:at=5s,for=1s;kill:at=7s;sleep:at=9s,for=30s");
        Assert.Equal(FaultNames.All, specs.Select(s => s.Kind));
        Assert.Equal("freeze:at=3s,for=1s", specs[1].ToString());
    }

    [Fact]
    public void Every_repeats_from_one_period_in_and_keeps_only_faults_that_end_within_the_run()
    {
        var plan = FaultSpecParser.Expand(FaultSpecParser.Parse("pause:every=20s,for=3s"), TimeSpan.FromSeconds(60));
        Assert.Equal([20.0, 40.0], plan.Select(a => a.Start.TotalSeconds));
        Assert.Equal(["pause#1", "pause#2"], plan.Select(a => a.Label));
    }

    [Fact]
    public void At_count_and_kinds_are_merged_in_time_order_and_numbered_per_kind()
    {
        var plan = FaultSpecParser.Expand(
            FaultSpecParser.Parse("pause:at=5s,every=10s,for=2s,count=3;stall:at=12s,for=4s;kill:at=50s"), TimeSpan.FromMinutes(10));
        Assert.Equal(["pause#1@5", "stall#1@12", "pause#2@15", "pause#3@25", "kill#1@50"], plan.Select(a => $"{a.Label}@{a.Start.TotalSeconds}"));
        Assert.Null(plan.Single(a => a.Kind == Fault.Kill).Duration);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("5s", 5)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("90", 90)]
    public void Durations_read_as_people_write_them(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var d));
        Assert.Equal(seconds, d.TotalSeconds, 6);
    }
}
