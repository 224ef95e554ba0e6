using System.Text.Json;
using System.Text.Json.Nodes;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// What the study reads from `podman machine inspect NAME` (a JSON array with one object per machine). Podman's
/// InspectInfo (pkg/machine/config.go) has ConfigDir, ConnectionInfo, Created, LastUp, Name, Resources, SSHConfig,
/// State, UserModeNetworking, Rootful, Rosetta: no disk image path (the disk is read from the VMM's command line).
/// </summary>
public sealed record MachineInspect(
    string Name, string State, int Cpus, long MemoryMiB, long DiskGiB,
    string? ConfigDir, string? PodmanSocket, bool Rootful, bool UserModeNetworking)
{
    public bool Running => State.Equals("running", StringComparison.OrdinalIgnoreCase);

    public static List<MachineInspect> Parse(string json)
    {
        var list = new List<MachineInspect>();
        JsonArray array;
        try { array = JsonNode.Parse(json) as JsonArray ?? throw new Study.StudyException("podman machine inspect did not print a JSON array"); }
        catch (JsonException e) { throw new Study.StudyException($"podman machine inspect printed no JSON: {e.Message}"); }
        foreach (var m in array.OfType<JsonObject>())
        {
            var res = m["Resources"];
            list.Add(new MachineInspect(
                Name: Str(m["Name"]) ?? "",
                State: Str(m["State"]) ?? "unknown",
                Cpus: (int)Num(res?["CPUs"]),
                MemoryMiB: Num(res?["Memory"]),
                DiskGiB: Num(res?["DiskSize"]),
                ConfigDir: Str(m["ConfigDir"]?["Path"]) ?? Str(m["ConfigPath"]?["Path"]),
                PodmanSocket: Str(m["ConnectionInfo"]?["PodmanSocket"]?["Path"]),
                Rootful: Bool(m["Rootful"]),
                UserModeNetworking: Bool(m["UserModeNetworking"])));
        }
        return list;
    }

    internal static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue(out string? s) ? s : null;
    internal static long Num(JsonNode? n) =>
        n is JsonValue v ? v.TryGetValue(out long l) ? l : v.TryGetValue(out string? s) && long.TryParse(s, out long p) ? p : 0 : 0;
    internal static bool Bool(JsonNode? n) => n is JsonValue v && v.TryGetValue(out bool b) && b;
}
