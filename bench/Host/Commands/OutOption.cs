using System.CommandLine;

namespace FsBench.Host.Commands;

/// <summary>
/// --out DIR, the run folder a command writes. Given with no value (last on the line, or followed by another
/// option) it is the one-line error "--out needs a directory" rather than the parser's message about arguments.
/// </summary>
public static class OutOption
{
    public const string NeedsDirectory = "--out needs a directory";

    public static Option<string?> Create(string description, bool required = false)
    {
        var option = new Option<string?>("--out") { Description = description, Required = required, Arity = ArgumentArity.ZeroOrOne };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0 || string.IsNullOrWhiteSpace(result.Tokens[0].Value)) result.AddError(NeedsDirectory);
        });
        return option;
    }
}
