using Analysis.Decision;
using ScottPlot;

namespace Analysis.Figures;

/// <summary>
/// The GPU trade-off for the decision, drawn whatever the runs hold: per Mac provider, the published GPU throughput as
/// % of native (each bar labelled "published, not measured here" with its source), and beside it this study's
/// metadata p50 against local and failure rate for the same provider where a run measured it ("not measured here"
/// otherwise). A run with gpu/ data gets the measured figure (<see cref="GpuTradeOffFigure"/>) instead.
/// </summary>
public static class GpuDecisionFigure
{
    public static Figure Draw(IReadOnlyList<RunAnalysis> runs, string directory)
    {
        var plot = FigureFile.NewPlot();
        var providers = Questions.PublishedGpu.Select(g => g.Provider).Distinct().ToList();
        int bar = 0;
        var ticks = new List<Tick>();
        for (int p = 0; p < providers.Count; p++)
        {
            var published = Questions.PublishedGpu.Where(g => g.Provider == providers[p]).ToList();
            foreach (var g in published)
            {
                double x = bar++;
                plot.Add.Bar(new Bar { Position = x, Value = Math.Max(g.PercentOfNative, 0.5), FillColor = ProviderStyle.ColorOf(g.Provider).WithAlpha(g.PercentOfNative > 0 ? 0.85 : 0.3) });
                var label = plot.Add.Text($"{(g.PercentOfNative > 0 ? $"{g.PercentOfNative:0}%" : "no GPU")}, {Questions.Published}\n{g.Source}", x, Math.Max(g.PercentOfNative, 0.5) + 3);
                label.LabelFontSize = 13;
                label.LabelAlignment = Alignment.LowerCenter;
                ticks.Add(new Tick(x, $"{g.Provider}\n{Wrap(g.What)}", true));
            }
            var measured = Measured(runs, providers[p]);
            var note = plot.Add.Text($"{providers[p]}, this study: {measured}", bar - published.Count - 0.4, 112 - 9 * p);
            note.LabelFontSize = 14;
            note.LabelBold = true;
            note.LabelFontColor = ProviderStyle.ColorOf(providers[p]);
            note.LabelAlignment = Alignment.UpperLeft;
            bar++;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(-0.7, bar - 1.3, 0, 118);
        plot.Axes.Bottom.Label.FontSize = 13;
        return FigureFile.Save(plot, directory, new FigureText(nameof(GpuDecisionFigure), "gpu-decision",
            "GPU trade-off: published GPU throughput beside this study's metadata results",
            "bars: published figures (../shared/study/domain-evidence.md); text: measured by this study's runs",
            $"GPU inference throughput, % of native ({Questions.Published})"));
    }

    /// <summary>"metadata p50 ×1.8 vs local, 0 / 9,000 failures (≤ 0.033%)" or "not measured here".</summary>
    public static string Measured(IReadOnlyList<RunAnalysis> runs, string provider)
    {
        var withProvider = runs.Where(r => r.Has(provider)).ToList();
        if (withProvider.Count == 0) return "not measured here";
        var ratios = withProvider.SelectMany(r => r.Cases).Where(c => c.Key.Provider == provider && c.VsLocal is not null)
            .Select(c => c.VsLocal!.P50Ratio).Where(r => r > 0 && double.IsFinite(r)).ToList();
        var f = FailureEvidence.Of(withProvider, provider, _ => true);
        return (ratios.Count > 0 ? $"metadata p50 {Memo.Format.Ratio(GpuTradeOff.GeometricMean(ratios))} vs local, " : "") +
               $"failures {Memo.Format.Failures(f.Failures, f.Ops, f.Rate)}";
    }

    private static string Wrap(string s) => s.Length <= 28 ? s : string.Join("\n", Chunks(s, 28));

    private static IEnumerable<string> Chunks(string s, int width)
    {
        var line = "";
        foreach (string word in s.Split(' '))
        {
            if (line.Length + word.Length + 1 > width && line.Length > 0) { yield return line; line = word; }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }
}
