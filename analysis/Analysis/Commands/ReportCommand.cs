using System.CommandLine;
using Analysis.Cases;
using Analysis.Figures;
using Analysis.Memo;

namespace Analysis.Commands;

/// <summary><c>analysis report &lt;run-dir&gt;...</c>: the memo in the first run folder, figures in each run's <c>figures/</c>.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var runs = SharedOptions.Runs("run-dir", "Run folders; several are merged into one memo, each labelled by its host.", 1);
        var threshold = SharedOptions.Threshold();
        var noise = SharedOptions.Noise();
        var command = new Command("report", "Write memo.md into the first run folder and figures into each run's figures/ (soak folders get a soak section).")
        {
            runs, threshold, noise,
        };
        command.SetAction(parsed =>
        {
            var test = SharedOptions.Test(parsed, threshold, noise);
            var dirs = parsed.GetValue(runs)!;
            var soaks = dirs.Where(RunFolder.SoakRun.IsSoak).Select(RunFolder.SoakRun.Open)
                .Select(s => (s, SoakFigures.Draw(s))).ToList();
            var folders = dirs.Where(d => !RunFolder.SoakRun.IsSoak(d)).Select(RunFolder.Run.Open).ToList();
            if (folders.Count == 0)
            {
                string soakMemo = SoakMemo.Write(Path.Combine(soaks[0].s.Directory, "memo.md"), soaks);
                parsed.InvocationConfiguration.Output.WriteLine($"wrote {soakMemo} and {soaks.Sum(s => s.Item2.Count)} figures (PNG + SVG)");
                return ExitCodes.Ok;
            }
            RunFolder.Run.AssignLabels(folders);
            var analyzer = new RunAnalyzer(test);
            var results = new List<(RunAnalysis, IReadOnlyList<Figure>)>();
            foreach (var run in folders)
            {
                var analysis = analyzer.Analyze(run);
                results.Add((analysis, RunFigures.Draw(analysis)));
            }
            string memo = MemoWriter.Write(Path.Combine(folders[0].Directory, "memo.md"), results, test, soaks);
            parsed.InvocationConfiguration.Output.WriteLine(
                $"wrote {memo} and {results.Sum(r => r.Item2.Count) + soaks.Sum(s => s.Item2.Count)} figures (PNG + SVG)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
