using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// Writes a figure as PNG, and as SVG beside it only where asked: the memo's headline figures, or every figure with
/// <c>report --svg</c> (<see cref="WithSvg"/> around the drawing).
/// </summary>
public static class FigureFile
{
    private static readonly AsyncLocal<bool> Svg = new();

    /// <summary>Figures saved until the returned scope is disposed also get an SVG (when <paramref name="svg"/>).</summary>
    public static IDisposable WithSvg(bool svg = true)
    {
        bool before = Svg.Value;
        Svg.Value = before || svg;
        return new Restore(() => Svg.Value = before);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

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

    /// <summary>One category per slot 0, 1, … on the bottom axis, labelled, without tick marks, framed by half a slot.</summary>
    public static void CategoryAxis(Plot plot, IReadOnlyList<string> labels)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.Select((l, i) => new Tick(i, l, true)).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, Math.Max(labels.Count, 1) - 0.4);
    }

    /// <summary>Titles and labels <paramref name="plot"/> as <paramref name="text"/> says, saves it into <paramref name="directory"/>.</summary>
    public static Figure Save(Plot plot, string directory, FigureText text)
    {
        plot.Title(text.Title);
        plot.XLabel(text.XLabel);
        plot.YLabel(text.YLabel);
        return new Figure(text.Kind, Save(plot, directory, text.Name), text.Title, text.Op, text.Workers);
    }

    /// <summary>Saves <paramref name="name"/>.png (and .svg when asked) into <paramref name="directory"/>; returns the PNG path.</summary>
    private static string Save(Plot plot, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, name + ".png");
        plot.SavePng(png, Width, Height);
        string svg = Path.Combine(directory, name + ".svg");
        if (Svg.Value) plot.SaveSvg(svg, Width, Height);
        else if (File.Exists(svg)) File.Delete(svg); // a stale SVG from an earlier report would be a figure nobody links
        return png;
    }

    /// <summary>A file-name-safe version of an op or provider name.</summary>
    public static string Slug(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
}
