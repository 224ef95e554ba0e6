namespace Analysis.Figures;

/// <summary>
/// A written figure: its PNG (the SVG is beside it) and what it shows, for the memo. Its kind is the name of the class that
/// drew it (<c>nameof(FailuresByErrnoFigure)</c>), by which the memo picks its headline figures.
/// </summary>
public sealed record Figure(string Kind, string PngPath, string Title, string? Op = null, int? Workers = null);

/// <summary>What a figure says and where it goes: its kind (the drawing class's name), file name (without extension), title and axis labels.</summary>
public sealed record FigureText(string Kind, string Name, string Title, string XLabel, string YLabel, string? Op = null, int? Workers = null);
