using System.Text.Json;

namespace Analysis.RunFolder;

/// <summary>Reads the run folder's JSON files (snake_case) with one-line errors.</summary>
internal static class RunJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static T Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new BadInputException(path, "file is missing");
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Options)
                   ?? throw new BadInputException(path, "file holds JSON null");
        }
        catch (JsonException e)
        {
            throw new BadInputException(path, $"not valid JSON ({e.Message})");
        }
    }
}
