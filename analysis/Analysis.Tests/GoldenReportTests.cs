using System.Text.RegularExpressions;

namespace Analysis.Tests;

/// <summary>
/// report on run folders the host wrote (committed ones, copied so the committed folder stays as it is): the memo keeps
/// its stable structure (Golden/memo-structure.txt: headings and verdict questions), every verdict line has a verdict and
/// the numbers behind it, and every figure and page it links to was written. Its numbers are not compared.
/// </summary>
public sealed partial class GoldenReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fsbench-golden-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The run results/baseline names (an older format version), and a run written by today's host.</summary>
    public static TheoryData<string> HostWrittenRuns() =>
        new(File.ReadAllText(Path.Combine(RepoRoot, "results", "baseline")).Trim(), "20261201-222237-vm-aa1");

    [Theory]
    [MemberData(nameof(HostWrittenRuns))]
    public void Report_on_a_committed_run_writes_a_memo_of_the_stable_structure_whose_links_resolve(string run)
    {
        string copy = CopyInputs(Path.Combine(RepoRoot, "results", run), Path.Combine(_dir, run));
        CliRunner.Succeeds("report", copy);
        string memo = File.ReadAllText(Path.Combine(copy, "memo.md"));

        var verdicts = VerdictRow().Matches(memo).Select(m => m.Groups.Cast<Group>().Skip(1).Select(g => g.Value.Trim()).ToArray()).ToList();
        var skeleton = memo.Split('\n').Where(l => l.StartsWith('#')).Concat(verdicts.Select(v => $"verdict: {v[0]}"));
        Assert.Equal(Golden(), skeleton);
        Assert.All(verdicts, v => Assert.True(v[1].Length > 0 && v[2].Length > 0, $"verdict line '{v[0]}' has an empty cell"));

        var pages = new[] { "memo.md", "findings.md", "appendix.md" }.Select(p => Path.Combine(copy, p)).ToList();
        Assert.All(pages, p => Assert.True(File.Exists(p), $"{p} was not written"));
        var links = pages.SelectMany(p => LocalLink().Matches(File.ReadAllText(p)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains(links, l => l.StartsWith("figures/", StringComparison.Ordinal) && memo.Contains($"]({l})"));
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(copy, l)), $"{l} is linked but was not written"));
    }

    private static string[] Golden() =>
        [.. File.ReadAllLines(Path.Combine(RepoRoot, "analysis/Analysis.Tests/Golden/memo-structure.txt")).Where(l => !l.StartsWith("//", StringComparison.Ordinal))];

    /// <summary>The run's own files, without what report writes (memo, pages, figures) or does not read (BenchmarkDotNet's, the state).</summary>
    private static string CopyInputs(string from, string to)
    {
        string[] skipped = ["bdn", "state", "figures", "memo.md", "findings.md", "appendix.md", "evidence-plan.json"];
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (skipped.Any(s => relative == s || relative.StartsWith(s + "/", StringComparison.Ordinal))) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
        return to;
    }

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Bench.sln"))) return d.FullName;
        throw new InvalidOperationException("Bench.sln not found above the test binary");
    }

    /// <summary>A row of the verdict table: question, verdict, the numbers behind it (the header and rule rows excluded).</summary>
    [GeneratedRegex(@"^\| ((?:reliability|mitigation|operational|performance|GPU)[^|]*)\|([^|]*)\|([^|\n]*)\|$", RegexOptions.Multiline)]
    private static partial Regex VerdictRow();

    /// <summary>A Markdown link or image to a file of the run folder (not a web address, not an anchor).</summary>
    [GeneratedRegex(@"\]\((?!https?:|#)([^)\s]+)\)")]
    private static partial Regex LocalLink();
}
