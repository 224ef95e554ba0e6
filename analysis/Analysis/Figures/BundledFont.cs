using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// ScottPlot (through SkiaSharp's NoDependencies build) draws no text at all, and reports nothing, on a machine
/// without font files. Every figure therefore uses the DejaVu Sans files shipped next to the program.
/// </summary>
public static class BundledFont
{
    public const string Name = "Bundled DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered) return;
            string dir = Path.Combine(AppContext.BaseDirectory, "Fonts");
            Fonts.AddFontFile(Name, Existing(Path.Combine(dir, "DejaVuSans.ttf")), bold: false, italic: false);
            Fonts.AddFontFile(Name, Existing(Path.Combine(dir, "DejaVuSans-Bold.ttf")), bold: true, italic: false);
            Fonts.Default = Name;
            registered = true;
        }
    }

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new BadInputException(path, "bundled font is missing (reinstall the analysis build)");
}
