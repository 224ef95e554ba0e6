namespace FsBench.Host.Providers.Machine;

/// <summary>Quotes an argument for display as a shell command (the commands themselves never go through a shell).</summary>
public static class ShellQuote
{
    public static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=,@%+".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
