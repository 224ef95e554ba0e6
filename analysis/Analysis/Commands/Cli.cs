using System.CommandLine;

namespace Analysis.Commands;

/// <summary>
/// The command line. Bad input of any kind (a parse error, a missing or corrupt run file) becomes one line on
/// stderr and exit code 2, never a stack trace.
/// </summary>
public static class Cli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Analyses fs-bench run folders (results/README.md): memo, figures, comparisons and trends.")
        {
            ReportCommand.Create(),
            CompareCommand.Create(),
            CalibrateCommand.Create(),
            TrendCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"analysis: {parsed.Errors[0].Message} (see analysis --help)");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (RunFormatException e)   // BadInputException is one too
        {
            error.WriteLine($"analysis: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
