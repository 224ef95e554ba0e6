using ScottPlot;

namespace Analysis.Figures;

/// <summary>Writes a figure as PNG and SVG side by side.</summary>
public static class FigureFile
{
    public const int Width = 1100, Height = 650;

    /// <summary>A plot styled for the memo: the bundled font and readable sizes.</summary>
    public static Plot NewPlot()
    {
        BundledFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(BundledFont.Name);
        plot.Axes.Title.Label.FontSize = 20;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Legend.FontSize = 14;
        return plot;
    }

    /// <summary>A large note in the middle of the data area, for figures with nothing (or nothing bad) to show.</summary>
    public static void Note(Plot plot, string text)
    {
        var note = plot.Add.Annotation(text, Alignment.MiddleCenter);
        note.LabelFontSize = 24;
        note.LabelBackgroundColor = Colors.White;
        note.LabelBorderColor = Colors.Black;
        note.LabelShadowColor = Colors.Transparent;
        note.LabelPadding = 12;
    }

    /// <summary>Saves <paramref name="name"/>.png and .svg into <paramref name="directory"/>; returns the PNG path.</summary>
    public static string Save(Plot plot, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, name + ".png");
        plot.SavePng(png, Width, Height);
        plot.SaveSvg(Path.Combine(directory, name + ".svg"), Width, Height);
        return png;
    }

    /// <summary>A file-name-safe version of an op or provider name.</summary>
    public static string Slug(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
}
