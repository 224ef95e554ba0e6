namespace Analysis.RunFolder;

/// <summary>
/// Input the analysis cannot use (a missing or corrupt file, an unknown option value).
/// Its message is one line naming the file and the problem; the CLI prints it and exits 2.
/// </summary>
public sealed class BadInputException(string file, string problem)
    : Exception($"{file}: {OneLine(problem)}")
{
    public string File { get; } = file;

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
