using System.Text.Json;
using System.Text.Json.Serialization;

namespace FsBench.Protocol;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ProbeRequest))]
[JsonSerializable(typeof(HelloReply))]
[JsonSerializable(typeof(BatchResult))]
[JsonSerializable(typeof(StatusReply))]
[JsonSerializable(typeof(KnownBugReply))]
[JsonSerializable(typeof(SoakReply))]
[JsonSerializable(typeof(ReplayReply))]
[JsonSerializable(typeof(CoherenceReply))]
public partial class ProtocolJson : JsonSerializerContext
{
    /// <summary>The "type" field of a reply line, without deserialising the rest.</summary>
    public static string ReplyType(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
    }
}
