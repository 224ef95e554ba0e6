using System.Text.Json;
using System.Text.Json.Serialization;

namespace FsBench.Host.Providers.Machine.MacStudy;

public enum MacStepKind { Preflight, OpCost, Bench, Soak, Gpu, Memo, Cleanup }

public enum MacStepStatus { Pending, Running, Done, Failed }

/// <summary>One step of the Mac study and how far it got; `Out` is the folder it wrote (bench, soak, gpu).</summary>
public sealed class MacStep
{
    public string Id { get; init; } = "";
    public MacStepKind Kind { get; init; }
    public string? Provider { get; init; }
    public int Repetition { get; init; }
    public MacStepStatus Status { get; set; }
    public DateTime? Started { get; set; }
    public DateTime? Finished { get; set; }
    public int Attempts { get; set; }
    public string? Out { get; set; }
    public string? Detail { get; set; }

    /// <summary>Steps that bring a machine up (one machine at a time: podman refuses a second, podman#25112).</summary>
    [JsonIgnore]
    public bool UsesMachine => Kind is MacStepKind.OpCost or MacStepKind.Bench or MacStepKind.Soak or MacStepKind.Gpu;
}

/// <summary>How the Mac study is run: recorded in plan.json, so a resumed study keeps its settings.</summary>
public sealed record MacStudySettings
{
    public string[] Providers { get; init; } = ["applehv", "libkrun"];
    public string Profile { get; init; } = "standard";
    public int Repetitions { get; init; } = 4;
    public string SoakDuration { get; init; } = "30m";
    /// <summary>The soak's faults: freeze (SIGSTOP of the process holding the vCPUs) is the one both providers share.</summary>
    public string SoakFaults { get; init; } = "freeze:every=300s,for=20s";
    public bool Gpu { get; init; } = true;
    public bool KeepMachines { get; init; }
}

/// <summary>
/// The whole Mac study as an ordered list of steps, written to plan.json in the study folder and updated as each
/// step starts and ends, so an interrupted study continues where it stopped. One machine at a time: each machine
/// step starts its provider's machine and stops it before the next; within every benchmark repetition the
/// providers run one after the other, the order alternating across repetitions (A B, B A, ...) so slow drift of
/// the Mac touches both alike.
/// </summary>
public sealed class MacStudyPlan
{
    public const string FileName = "plan.json";
    public int FormatVersion { get; init; } = 1;
    public MacStudySettings Settings { get; init; } = new();
    public List<MacStep> Steps { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The providers of repetition r (1-based): the settings' order on odd repetitions, reversed on even ones.</summary>
    public static string[] OrderFor(string[] providers, int repetition) =>
        repetition % 2 == 1 ? providers : providers.Reverse().ToArray();

    public static MacStudyPlan Build(MacStudySettings s)
    {
        var steps = new List<MacStep> { new() { Id = "preflight", Kind = MacStepKind.Preflight } };
        foreach (var p in s.Providers) steps.Add(new() { Id = $"opcost-{p}", Kind = MacStepKind.OpCost, Provider = p });
        for (int r = 1; r <= s.Repetitions; r++)
            foreach (var p in OrderFor(s.Providers, r))
                steps.Add(new() { Id = $"bench-r{r}-{p}", Kind = MacStepKind.Bench, Provider = p, Repetition = r });
        foreach (var p in OrderFor(s.Providers, s.Repetitions + 1))
            steps.Add(new() { Id = $"soak-{p}", Kind = MacStepKind.Soak, Provider = p });
        if (s.Gpu)
            foreach (var p in s.Providers) steps.Add(new() { Id = $"gpu-{p}", Kind = MacStepKind.Gpu, Provider = p });
        steps.Add(new() { Id = "memo", Kind = MacStepKind.Memo });
        steps.Add(new() { Id = "cleanup", Kind = MacStepKind.Cleanup });
        return new MacStudyPlan { Settings = s, Steps = steps };
    }

    public void Save(string dir)
    {
        string path = Path.Combine(dir, FileName), tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(this, Json));
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The plan of an interrupted study in <paramref name="dir"/>, or null when there is none.</summary>
    public static MacStudyPlan? Load(string dir)
    {
        string path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<MacStudyPlan>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new Study.StudyException($"{path}: not a mac-study plan ({e.Message.Split('\n')[0]})"); }
    }
}
