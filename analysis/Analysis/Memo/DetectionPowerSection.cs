using System.Text;

namespace Analysis.Memo;

/// <summary>How long a Mac run must be to see a rare failure: the binomial prediction, checked on a fault-model soak.</summary>
public static class DetectionPowerSection
{
    public static void Write(StringBuilder md, IEnumerable<SoakRun> soaks)
    {
        var measured = soaks.Select(s => (Soak: s, M: DetectionPower.Of(s))).Where(x => x.M is not null).ToList();
        if (measured.Count == 0) return;
        md.AppendLine("## How long a Mac run must be (detection power)").AppendLine();
        md.AppendLine("A failure that strikes each operation with probability p is seen at least once in n operations with probability " +
                      "1 − (1 − p)^n. Checked on the FAULT MODEL's injected spurious ENOENT (figure: `soak-detection-power`):").AppendLine();
        var table = new MarkdownTable("soak (fault model)", "injected", "ops", "measured p per op", "median ops between failures", "binomial median (ln 2 / p)");
        foreach (var (soak, m) in measured)
        {
            var gaps = m!.GapsInOps.Order().ToList();
            table.Add(Format.Code(Providers.Label(soak.Manifest.Settings.Provider)), Format.Count(m.Injections), Format.Count(m.Ops),
                m.RatePerOp > 0 ? m.RatePerOp.ToString("0.0e0", System.Globalization.CultureInfo.InvariantCulture) : "—",
                gaps.Count > 0 ? gaps[gaps.Count / 2].ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "—",
                m.RatePerOp > 0 ? (Math.Log(2) / m.RatePerOp).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "—");
        }
        md.AppendLine(table.ToString());
        var rate = measured.Select(x => x.Soak.Classes.Ops / Math.Max(1, x.Soak.Classes.ExposureHours * 3600)).Max();
        md.AppendLine($"For 95% detection a run needs about 3/p operations. At this soak's pace ({rate:0} ops/s) that is: " +
                      string.Join("; ", DetectionPower.Rates.Select(p =>
                      {
                          double n = DetectionPower.OpsFor(p, 0.95);
                          return $"p = {p:0e0}: {n:N0} ops, {n / rate / 60:0.#} min";
                      })) +
                      ". A Mac soak at its own measured pace needs as many operations: a clean Mac run shorter than that says nothing about rates below p.").AppendLine();
    }
}
