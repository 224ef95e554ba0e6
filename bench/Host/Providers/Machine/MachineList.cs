using System.Text.Json;
using System.Text.Json.Nodes;

namespace FsBench.Host.Providers.Machine;

/// <summary>One row of `podman machine list --format json`.</summary>
public sealed record MachineListEntry(string Name, string VmType, bool Default, bool Running, bool Starting, int Cpus, long MemoryBytes, long DiskBytes)
{
    public static List<MachineListEntry> Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        JsonArray array;
        try { array = JsonNode.Parse(json) as JsonArray ?? []; }
        catch (JsonException e) { throw new Study.StudyException($"podman machine list printed no JSON: {e.Message}"); }
        return array.OfType<JsonObject>().Select(m => new MachineListEntry(
            Name: (MachineInspect.Str(m["Name"]) ?? "").TrimEnd('*'),
            VmType: MachineInspect.Str(m["VMType"]) ?? "unknown",
            Default: MachineInspect.Bool(m["Default"]),
            Running: MachineInspect.Bool(m["Running"]),
            Starting: MachineInspect.Bool(m["Starting"]),
            Cpus: (int)MachineInspect.Num(m["CPUs"]),
            // Podman prints these as strings of bytes ("4294967296") in list's JSON.
            MemoryBytes: MachineInspect.Num(m["Memory"]),
            DiskBytes: MachineInspect.Num(m["DiskSize"]))).ToList();
    }
}
