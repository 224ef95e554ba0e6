using System.Text.Json;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// What Start left for the sessions (BenchmarkDotNet children) and for Stop: state/machine-&lt;provider&gt;.json.
/// </summary>
public sealed record MachineState
{
    public string Provider { get; init; } = "";
    public string Machine { get; init; } = "";
    public string Connection { get; init; } = "";
    public string Image { get; init; } = "";
    public string HostDir { get; init; } = "";
    public string ProbeDir { get; init; } = "";

    public static string PathFor(ProviderContext ctx, string provider) => Path.Combine(ctx.StateDir, $"machine-{provider}.json");

    public void Write(ProviderContext ctx) =>
        File.WriteAllText(PathFor(ctx, Provider), JsonSerializer.Serialize(this, Study.StudySettings.Json));

    public static MachineState? Read(ProviderContext ctx, string provider)
    {
        string path = PathFor(ctx, provider);
        return File.Exists(path) ? JsonSerializer.Deserialize<MachineState>(File.ReadAllText(path), Study.StudySettings.Json) : null;
    }
}
