using System.Text.Json;
using System.Text.Json.Nodes;

namespace FsBench.Host.Providers.Machine;

/// <summary>
/// `podman system connection list --format json`: which connection is the default. `machine list` cannot say it for a
/// rootful machine: its Default compares the machine's name with the default connection's (cmd/podman/machine/list.go),
/// and a rootful machine's default connection is NAME-root.
/// </summary>
public static class ConnectionList
{
    public static string? DefaultName(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>()
                .Where(c => MachineInspect.Bool(c["Default"])).Select(c => MachineInspect.Str(c["Name"])).FirstOrDefault();
        }
        catch (JsonException e) { throw new Study.StudyException($"podman system connection list printed no JSON: {e.Message}"); }
    }

    public static Invocation Command() => new(["system", "connection", "list", "--format", "json"], new());

    /// <summary>The machine's connection that is the default (NAME or NAME-root), or null when neither is.</summary>
    public static string? DefaultOf(string machine, string? defaultConnection) =>
        defaultConnection == machine || defaultConnection == machine + "-root" ? defaultConnection : null;
}
