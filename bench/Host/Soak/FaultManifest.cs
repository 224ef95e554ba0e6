using System.Text.Json;
using System.Text.Json.Nodes;
using FsBench.Host.Providers.Faults;
using FsBench.Host.Study;

namespace FsBench.Host.Soak;

/// <summary>The manifest of a `fault` command's run folder: kind "fault", what was injected into which run, and its window.</summary>
public static class FaultManifest
{
    public static async Task<JsonObject> NewAsync(string runId, string provider, Fault fault, TimeSpan? duration, string mechanism, string? targetRun) => new()
    {
        ["run_id"] = runId,
        ["kind"] = "fault",
        ["status"] = "running",
        ["started_utc"] = DateTime.UtcNow.ToString("o"),
        ["ended_utc"] = null,
        ["provider"] = provider,
        ["fault"] = new JsonObject { ["kind"] = fault.Name(), ["for_s"] = duration?.TotalSeconds, ["mechanism"] = mechanism },
        ["target_run"] = targetRun,
        ["host"] = HostFacts.Host(),
        ["git"] = await HostFacts.GitAsync(AppContext.BaseDirectory),
    };

    public static void Finish(JsonObject manifest, FaultRunner runner, bool interrupted)
    {
        manifest["status"] = runner.Windows.Count == 1 && runner.Windows[0].EndUtc is not null && !interrupted ? "complete" : "partial";
        manifest["ended_utc"] = DateTime.UtcNow.ToString("o");
        manifest["faults_applied"] = JsonSerializer.SerializeToNode(runner.Windows, StudySettings.Json);
    }
}
