using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analysis.Decision;

/// <summary>
/// The runs that would settle each verdict that is not settled yet ("not enough evidence", "keep as defense-in-depth"),
/// sized by the binomial/Poisson bounds from the rate that must be caught: the incumbent's observed rate where it
/// failed, else <see cref="PlanningRate"/> (stated in the plan as assumed). Written beside the memo as
/// <c>evidence-plan.json</c>: <c>./run-bench.sh mac-study</c> reads its sizes from there.
/// </summary>
public sealed record EvidencePlan(Roles Roles, IReadOnlyList<EvidencePlan.Item> Items)
{
    public const string FileName = "evidence-plan.json";
    public const int FormatVersion = 1;

    /// <summary>One failure class not yet settled, and what settles it.</summary>
    public sealed record Item(string Mitigation, string Class, ExposureUnit Unit, double NeededPerProvider, double Rate, string RateSource, string Why, string Command);

    /// <summary>The smallest rate a plan must catch when nothing was observed: fault-model detection-power midpoint (1e-4/op), one per hour, one wake in ten.</summary>
    public static double PlanningRate(ExposureUnit unit) => unit switch { ExposureUnit.Operations => 1e-4, ExposureUnit.Hours => 1, _ => 0.1 };

    public double Operations => Max(ExposureUnit.Operations);
    public double SoakHours => Max(ExposureUnit.Hours);
    public double SleepCycles => Max(ExposureUnit.Cycles);

    private double Max(ExposureUnit unit) => Items.Where(i => i.Unit == unit).Select(i => i.NeededPerProvider).DefaultIfEmpty(0).Max();

    public static EvidencePlan Of(DecisionEvidence evidence, IReadOnlyList<MitigationAssessment> assessments, string planPath)
    {
        var items = new List<Item>();
        foreach (var a in assessments.Where(a => a.Verdict is MitigationVerdict.NotEnoughEvidence or MitigationVerdict.KeepAsDefenseInDepth))
        foreach (var line in a.Lines.Where(l => l.Outcome is LineOutcome.NoEvidence or LineOutcome.NotReproduced or LineOutcome.TooLittle))
        {
            if (line.Outcome == LineOutcome.TooLittle && line.Needed is { } n && double.IsFinite(n))
            {
                items.Add(new(a.Mitigation.Name, line.Class, line.Unit, n, line.Incumbent.Rate.Value, "observed",
                    $"{evidence.Roles.Candidate} needs {EventCount.ExposureText(n, line.Unit)} without failure for a 95% bound below a tenth of {evidence.Roles.Incumbent}'s",
                    Command(evidence.Roles, line, n, planPath)));
                continue;
            }
            var observed = Observed(evidence, line);
            double rate = observed ?? PlanningRate(line.Unit);
            double detect = EventCount.ExposureForBound(rate, line.Unit);
            double demonstrate = EventCount.ExposureForBound(rate / ClassLine.RequiredImprovement, line.Unit);
            double needed = Math.Max(detect, demonstrate);
            items.Add(new(a.Mitigation.Name, line.Class, line.Unit, needed, rate, observed is null ? "assumed (nothing observed)" : "observed on the incumbent (no candidate evidence)",
                $"at a rate of {EventCount.RateText(rate, line.Unit)} the incumbent fails within {EventCount.ExposureText(detect, line.Unit)} (95%), and " +
                $"{EventCount.ExposureText(demonstrate, line.Unit)} failure-free on the candidate show a tenfold lower rate",
                Command(evidence.Roles, line, needed, planPath)));
        }
        return new EvidencePlan(evidence.Roles, items);
    }

    /// <summary>The incumbent's own rate in this class where some folder saw it fail (even without a partner).</summary>
    private static double? Observed(DecisionEvidence evidence, ClassLine line) =>
        line.Incumbent is { Events: > 0 } c ? c.Rate.Value : null;

    /// <summary>mac-study's defaults: a standard repetition measures 8 batches of 256 ops per case; its soaks freeze every 300 s.</summary>
    public const int MacOpsPerCase = 8 * 256, MacFreezeEverySeconds = 300;
    public const string MacSoakFaults = "freeze:every=300s,for=20s";

    /// <summary>Cases a standard repetition runs per provider in a class's scope (16 ops × 3 worker counts, × 3 mounts for all).</summary>
    private static int MacCasesFor(string cls) =>
        cls.Contains("status-file") ? Mitigations.StatusFileOps.Length * 3 : cls.Contains("overlay") ? 16 * 3 : 16 * 3 * 3;

    /// <summary>The mac-study sizes that give <paramref name="needed"/> of a class: repetitions, soak minutes.</summary>
    public static (int Repetitions, int SoakMinutes) MacSizes(ExposureUnit unit, string cls, double needed) => unit switch
    {
        ExposureUnit.Operations => ((int)Math.Max(1, Math.Ceiling(needed / (MacCasesFor(cls) * (double)MacOpsPerCase))), 0),
        ExposureUnit.Hours => (0, (int)Math.Ceiling(needed * 60)),
        _ => (0, (int)Math.Ceiling(needed * MacFreezeEverySeconds / 60.0) + 1),
    };

    public (int Repetitions, int SoakMinutes) MacStudy =>
        (Items.Select(i => MacSizes(i.Unit, i.Class, i.NeededPerProvider).Repetitions).DefaultIfEmpty(0).Max(),
         Items.Select(i => MacSizes(i.Unit, i.Class, i.NeededPerProvider).SoakMinutes).DefaultIfEmpty(0).Max());

    private static string MacCommand(int repetitions, int soakMinutes) =>
        "./run-bench.sh mac-study" + (repetitions > 0 ? $" --repetitions {repetitions}" : "") +
        (soakMinutes > 0 ? $" --soak-duration {soakMinutes}m --soak-faults '{MacSoakFaults}'" : "");

    private static string Command(Roles roles, ClassLine line, double needed, string planPath)
    {
        if (roles.Source == RoleSource.Mac)
        {
            var (r, m) = MacSizes(line.Unit, line.Class, needed);
            return MacCommand(r, m);
        }
        string pair = $"{roles.Incumbent},{roles.Candidate}";
        string Soak(string faults, double seconds) => string.Join(" && ", new[] { roles.Incumbent, roles.Candidate }.Select(p =>
            $"./run-bench.sh soak --provider {p} --duration {Math.Ceiling(seconds / 60).ToString(CultureInfo.InvariantCulture)}m{faults}"));
        return line.Unit switch
        {
            ExposureUnit.Hours => Soak(" --faults 'freeze:every=10m,for=5s'", needed * 3600),
            ExposureUnit.Cycles => Soak($" --faults 'freeze:every=120s,for=30s'", needed * 120 + 60),
            _ => $"./run-bench.sh --providers {pair} --profile thorough{(line.Class.Contains("overlay") ? " --mounts overlay" : line.Class.Contains("bind") ? " --mounts bind --ops " + string.Join(",", Mitigations.StatusFileOps) : "")}" +
                 $"  # repeat until {EventCount.ExposureText(needed, line.Unit)} per provider",
        };
    }

    public string Write(string directory)
    {
        string path = Path.Combine(directory, FileName);
        var json = new PlanJson(FormatVersion, DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            new RolesJson(Roles.Incumbent, Roles.Candidate, Roles.Source.ToString().ToLowerInvariant()),
            new SizesJson((long)Math.Ceiling(Operations), Math.Round(SoakHours, 2), (long)Math.Ceiling(SleepCycles)),
            new MacStudyJson(MacStudy.Repetitions, MacStudy.SoakMinutes, MacSoakFaults, MacCommand(MacStudy.Repetitions, MacStudy.SoakMinutes)),
            Items.Select(i => new ItemJson(i.Mitigation, i.Class, i.Unit.ToString().ToLowerInvariant(), Math.Round(i.NeededPerProvider, 2),
                i.Rate, i.RateSource, i.Why, i.Command)).ToList());
        var options = new JsonSerializerOptions(PlanJsonContext.Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(path, JsonSerializer.Serialize(json, new PlanJsonContext(options).PlanJson));
        return path;
    }

    internal sealed record PlanJson(int FormatVersion, string GeneratedUtc, RolesJson Roles, SizesJson SizesPerProvider, MacStudyJson MacStudy, List<ItemJson> Items);
    internal sealed record MacStudyJson(int Repetitions, int SoakDurationMinutes, string SoakFaults, string Command);
    internal sealed record RolesJson(string Incumbent, string Candidate, string Source);
    internal sealed record SizesJson(long Operations, double SoakHours, long SleepCycles);
    internal sealed record ItemJson(string Mitigation, string Class, string Unit, double NeededPerProvider, double Rate, string RateSource, string Why, string Command);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(EvidencePlan.PlanJson))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
