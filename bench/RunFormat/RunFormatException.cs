namespace FsBench.RunFormat;

/// <summary>
/// A run-folder file that cannot be used (missing, corrupt, of the wrong kind or version). Its message is one line
/// naming the file and the problem; command lines print it and exit 2.
/// </summary>
public class RunFormatException(string file, string problem) : Exception($"{file}: {OneLine(problem)}")
{
    public string File { get; } = file;

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
