using System.CommandLine;
using System.Text;
using Analysis.Memo;

namespace Analysis.Commands;

/// <summary>
/// <c>analysis calibrate &lt;run-a&gt; &lt;run-b&gt;</c>: two runs of the same study back to back (an A/A pair). Measures the
/// run-to-run noise per provider and op and writes it as calibration.json into both run folders, where compare finds it.
/// </summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var runA = new Argument<string>("run-a") { Description = "The first run of the A/A pair." };
        var runB = new Argument<string>("run-b") { Description = "The second run, same code and settings." };
        var reference = SharedOptions.Reference();
        var absolute = SharedOptions.Absolute();
        var command = new Command("calibrate", "Measure run-to-run noise from an A/A pair of runs; writes calibration.json into both.")
        {
            runA, runB, reference, absolute,
        };
        command.SetAction(parsed =>
        {
            var a = Run.Open(parsed.GetValue(runA)!);
            var b = Run.Open(parsed.GetValue(runB)!);
            var comparer = SharedOptions.Comparer(parsed, reference, absolute);
            var cal = Of(a, b, comparer);
            foreach (var run in new[] { a, b }) cal.Write(Path.Combine(run.Directory, Calibration.FileName));
            parsed.InvocationConfiguration.Output.Write(Markdown(cal));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Calibration Of(Run a, Run b, RunPairComparer comparer)
    {
        var changes = comparer.Pairs(a, b).Where(p => p.Change is not null)
            .Select(p => (p.Key.Provider, p.Key.Op, p.Change!.LogValue)).ToList();
        if (changes.Count == 0) throw new BadInputException(b.Directory, "no case could be compared between the two runs: nothing to calibrate");
        return Calibration.From(a.Manifest.RunId, b.Manifest.RunId, comparer.Absolute ? null : comparer.Reference, changes);
    }

    private static string Markdown(Calibration cal)
    {
        var md = new StringBuilder($"# A/A calibration `{cal.BaseRun}` vs `{cal.CandidateRun}`\n\n{Calibration.Method}.\n\n");
        var table = new MarkdownTable("provider", "op", "cases", "RMS change", "noise band");
        foreach (var band in cal.Bands)
            table.Add(band.Provider, band.Op == "*" ? "(all)" : band.Op, band.Cases.ToString(),
                Format.Percent(Math.Exp(band.RmsLog) - 1), $"±{Format.Percent(band.Band)}");
        return md.AppendLine(table.ToString()).ToString();
    }
}
