using System.Text.Json;
using System.Text.Json.Serialization;

namespace FsBench.RunFormat;

[JsonConverter(typeof(SnakeCaseEnum<MacStepKind>))]
public enum MacStepKind { Preflight, OpCost, Bench, Soak, Gpu, Memo, Cleanup }

[JsonConverter(typeof(SnakeCaseEnum<MacStepStatus>))]
public enum MacStepStatus { Pending, Running, Done, Failed }

/// <summary>An enum written by its snake_case name ("op_cost"), as plan.json has always held it.</summary>
public sealed class SnakeCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower) where T : struct, Enum;

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
/// <c>plan.json</c> of a Mac study folder: the settings and the ordered steps, updated as each step starts and ends so
/// an interrupted study continues where it stopped (the host's MacStudyPlanner builds it).
/// </summary>
public sealed class MacStudyPlan
{
    public int FormatVersion { get; init; } = 1;
    public MacStudySettings Settings { get; init; } = new();
    public List<MacStep> Steps { get; init; } = [];

    public void Save(string studyDir) => RunFormatJson.Write(Path.Combine(studyDir, RunFolderLayout.PlanFile), this);

    /// <summary>The plan of an interrupted study in <paramref name="studyDir"/>, or null when there is none.</summary>
    public static MacStudyPlan? Load(string studyDir)
    {
        string path = Path.Combine(studyDir, RunFolderLayout.PlanFile);
        return File.Exists(path) ? RunFormatJson.Read<MacStudyPlan>(path) : null;
    }
}
