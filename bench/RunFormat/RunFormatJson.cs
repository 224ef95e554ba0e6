using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FsBench.RunFormat;

/// <summary>The run folder's JSON files: snake_case, indented, nulls written, generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ManifestHead))]
[JsonSerializable(typeof(BenchManifest))]
[JsonSerializable(typeof(SoakManifest))]
[JsonSerializable(typeof(FaultRunManifest))]
[JsonSerializable(typeof(ProbeCase))]
[JsonSerializable(typeof(SoakClasses))]
[JsonSerializable(typeof(GpuReport))]
[JsonSerializable(typeof(MixFileContent))]
[JsonSerializable(typeof(MacStudyPlan))]
[JsonSerializable(typeof(string))]
public partial class RunFormatJsonContext : JsonSerializerContext;

/// <summary>Reads and writes the run folder's JSON files; any problem reading is a one-line <see cref="RunFormatException"/>.</summary>
public static class RunFormatJson
{
    /// <summary>As generated, with text (paths, reasons) written as it is rather than \u-escaped.</summary>
    private static readonly RunFormatJsonContext Context = new(new JsonSerializerOptions(RunFormatJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static JsonTypeInfo<T> Info<T>() =>
        Context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T> ?? throw new InvalidOperationException($"{typeof(T).Name} is not a run-format JSON record");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Info<T>());

    public static T Deserialize<T>(string json, string path) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, Info<T>()) ?? throw new RunFormatException(path, "file holds JSON null");
        }
        catch (JsonException e)
        {
            throw new RunFormatException(path, $"not valid JSON ({e.Message})");
        }
    }

    public static T Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new RunFormatException(path, "file is missing");
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { throw new RunFormatException(path, e.Message); }
        return Deserialize<T>(text, path);
    }

    /// <summary>Replaces the file atomically (write aside, then rename), so a reader or a kill never sees half of it.</summary>
    public static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, Serialize(value) + "\n");
        File.Move(tmp, path, overwrite: true);
    }
}
