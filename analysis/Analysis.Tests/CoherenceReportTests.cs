using Analysis.Cases;
using Analysis.Tests.Synthetic;
using FsBench.RunFormat;

namespace Analysis.Tests;

/// <summary>coherence.csv in the report: the appendix's staleness table, and the memo's line only when something is unexpected.</summary>
public sealed class CoherenceReportTests
{
    private static CoherenceRow Row(string provider, string kind, int trial, double staleMs, string errnos = "", bool observed = true) => new()
    {
        Provider = provider, Mount = "bind", Kind = kind, Trial = trial, Warm = true, Observed = observed, Polls = 10, StalePolls = staleMs > 0 ? 5 : 0,
        StalenessUs = staleMs * 1000, SeenUs = observed ? staleMs * 1000 + 500 : null, LimitMs = 10_000, Errnos = errnos,
    };

    [Fact]
    public void TheAppendixGivesPercentilesPerProviderAndKindAndTheMemoStaysQuietWhenOnlyCachesExplainTheStaleness()
    {
        var (memo, appendix) = Report(Enumerable.Range(1, 20).Select(t => Row("qemu-virtiofs", "rewrite", t, staleMs: 10 * t))   // 10..200 ms
            .Concat(Enumerable.Range(1, 20).Select(t => Row("local", "rewrite", t, staleMs: 0))));

        Assert.Contains("### Cross-side coherence", appendix);
        // nearest rank over 20 trials: p50 = the 10th value, p95 = the 19th
        Assert.Contains("| `qemu-virtiofs` | bind | `rewrite` | 20 | 20/20 | 100 ms | 190 ms | 200 ms | 500 µs | 0 | 0 | none |", appendix);
        Assert.Contains("| `local` | bind | `rewrite` | 20 | 0/20 | 0 | 0 | 0 | 500 µs | 0 | 0 | none |", appendix);
        Assert.DoesNotContain("Cross-side coherence", memo);
    }

    [Fact]
    public void AnUnexpectedErrnoOrAChangeNeverSeenGetsOneMemoLine()
    {
        var (memo, appendix) = Report(
        [
            Row("qemu-virtiofs", "rename", 1, 5, errnos: "stat:EIO 2"),
            Row("qemu-virtiofs", "delete", 1, 10_000, observed: false),
            Row("qemu-virtiofs", "create", 1, 0),
        ]);

        string line = Assert.Single(memo.Split('\n'), l => l.Contains("Cross-side coherence"));
        Assert.Contains("rename: stat:EIO 2", line);
        Assert.Contains("delete: 1/1 changes not seen within 10 s", line);
        Assert.DoesNotContain("create", line);
        Assert.Contains("| **stat:EIO 2** |", appendix);
    }

    /// <summary>A synthetic run with these rows as its coherence.csv, reported: its memo and appendix.</summary>
    private static (string Memo, string Appendix) Report(IEnumerable<CoherenceRow> rows)
    {
        using var run = new SyntheticRun().Write();
        RunFormatCsv.WriteAll(new RunFolderLayout(run.Directory).Coherence, rows);
        CliRunner.Succeeds("report", run.Directory);
        return (run.Text("memo.md"), run.Text("appendix.md"));
    }

    [Fact]
    public void NearestRankPercentiles()
    {
        double[] v = [1, 2, 3, 4];
        Assert.Equal(2, CoherenceResult.NearestRank(v, 0.5));
        Assert.Equal(4, CoherenceResult.NearestRank(v, 0.95));
        Assert.Equal(7, CoherenceResult.NearestRank([7], 0.5));
    }
}
