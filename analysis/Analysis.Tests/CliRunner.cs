using Analysis.Commands;

namespace Analysis.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Cli.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the CLI and asserts it exited 0, showing what it printed to stderr when it did not.</summary>
    public static Result Succeeds(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args.Take(1))} exited {result.ExitCode}: {result.Err}");
        return result;
    }
}
