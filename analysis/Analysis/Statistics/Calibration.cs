using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analysis.Statistics;

/// <summary>
/// calibration.json: the run-to-run noise of an A/A pair (the same study run twice back to back), per provider and
/// operation: the root mean square of log D over the pair's cases, and the band 2·RMS (about 95% of A/A changes fall
/// inside exp(±band)). <c>compare</c> raises its threshold to a case's band, so noise alone cannot fail it.
/// </summary>
public sealed record Calibration
{
    public const string FileName = "calibration.json";
    public const string Method =
        "A/A calibration: two back-to-back runs of the same study; per provider and op, band = exp(2·RMS(log D)) − 1 over the pair's " +
        "cases (D = the case's change from one run to the other); a group with fewer than 3 cases uses its provider's band";

    [JsonPropertyName("method")] public string MethodText { get; init; } = Method;
    public string BaseRun { get; init; } = "";
    public string CandidateRun { get; init; } = "";
    /// <summary>The reference provider the ratios were taken against, or null for absolute p50s.</summary>
    public string? Reference { get; init; }
    public List<CalibrationBand> Bands { get; init; } = [];

    public const int MinCases = 3;

    /// <summary>The band for a provider's op (relative, 0.08 = ±8%), or null when the calibration has none for the provider.</summary>
    public double? BandFor(string provider, string op) =>
        Bands.FirstOrDefault(b => b.Provider == provider && b.Op == op && b.Cases >= MinCases)?.Band
        ?? Bands.FirstOrDefault(b => b.Provider == provider && b.Op == "*")?.Band;

    public static Calibration From(string baseRun, string candidateRun, string? reference,
        IReadOnlyList<(string Provider, string Op, double LogChange)> changes)
    {
        var bands = new List<CalibrationBand>();
        foreach (var g in changes.Where(c => double.IsFinite(c.LogChange)).GroupBy(c => c.Provider).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            bands.Add(Band(g.Key, "*", g.Select(c => c.LogChange).ToList()));
            foreach (var op in g.GroupBy(c => c.Op).OrderBy(o => o.Key, StringComparer.Ordinal))
                bands.Add(Band(g.Key, op.Key, op.Select(c => c.LogChange).ToList()));
        }
        return new Calibration { BaseRun = baseRun, CandidateRun = candidateRun, Reference = reference, Bands = bands };
    }

    private static CalibrationBand Band(string provider, string op, IReadOnlyList<double> logs)
    {
        double rms = Math.Sqrt(logs.Sum(x => x * x) / logs.Count);
        return new CalibrationBand(provider, op, logs.Count, rms, Math.Exp(2 * rms) - 1);
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static Calibration Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Calibration>(File.ReadAllText(path), Json)
                   ?? throw new RunFolder.BadInputException(path, "calibration is empty");
        }
        catch (JsonException e)
        {
            throw new RunFolder.BadInputException(path, $"not a calibration file: {e.Message.Split('\n')[0]}");
        }
    }
}

public sealed record CalibrationBand(string Provider, string Op, int Cases, double RmsLog, double Band);
