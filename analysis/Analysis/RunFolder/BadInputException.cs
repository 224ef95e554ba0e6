namespace Analysis.RunFolder;

/// <summary>
/// Input the analysis cannot use (a missing or corrupt file, an unknown option value): a <see cref="RunFormatException"/>,
/// one line naming the file and the problem; the CLI prints it and exits 2.
/// </summary>
public sealed class BadInputException(string file, string problem) : RunFormatException(file, problem);
