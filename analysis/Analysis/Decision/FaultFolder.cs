using System.Globalization;

namespace Analysis.Decision;

/// <summary>
/// A folder written by <c>fsbench fault</c> (manifest <c>"kind": "fault"</c>): one fault injected from another terminal,
/// with its window by the wall clock in <c>events.csv</c>. It counts where a soak of the same provider was running
/// then: the fault joins that soak's faults (a <c>sleep</c> or <c>freeze</c> is a sleep cycle like the soak's own).
/// </summary>
public sealed record FaultFolder(string Directory, string RunId, string Provider, string Kind, DateTimeOffset StartUtc, DateTimeOffset? EndUtc)
{
    public static bool IsFault(string directory)
    {
        string path = Path.Combine(directory, "manifest.json");
        if (SoakRun.IsSoak(directory) || !File.Exists(path)) return false;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("kind", out var kind) &&
                   kind.ValueKind == System.Text.Json.JsonValueKind.String && kind.GetString() == RunKinds.Fault;
        }
        catch (System.Text.Json.JsonException)
        {
            return false; // reading it as a run then says what is wrong, in one line
        }
    }

    public static FaultFolder Open(string directory)
    {
        var m = ManifestReader.ReadFault(directory);
        string eventsPath = new RunFolderLayout(directory).Events;
        var events = RunFormatCsv.Read<SoakEventRow>(eventsPath).ToList();
        var start = events.FirstOrDefault(e => e.Kind == "fault_start")
                    ?? throw new BadInputException(eventsPath, "no fault_start: the fault was not injected");
        var end = events.FirstOrDefault(e => e.Kind == "fault_end" && e.Fault == start.Fault);
        return new FaultFolder(Path.GetFullPath(directory), m.RunId, m.Provider, m.Fault.Kind.Length > 0 ? m.Fault.Kind : start.Fault.Split('#')[0],
            Utc(eventsPath, start.Utc), end is null ? null : Utc(eventsPath, end.Utc));
    }

    /// <summary>The fault on a soak's clock (seconds from its <c>soak_start</c>), or null when the soak was not running then.</summary>
    public (string Label, string Kind, double Start, double? End)? On(SoakRun soak)
    {
        if (soak.Manifest.Settings.Provider != Provider) return null;
        var started = soak.Events.FirstOrDefault(e => e.Kind == "soak_start");
        if (started is null || !DateTimeOffset.TryParse(started.Utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var origin)) return null;
        double start = (StartUtc - origin).TotalSeconds - started.TS;
        double last = soak.Series.Count > 0 ? soak.Series[^1].TS : 0;
        if (start < 0 || start > last) return null;
        return ($"{Kind}@{RunId}", Kind, start, EndUtc is { } e ? (e - origin).TotalSeconds - started.TS : null);
    }

    private static DateTimeOffset Utc(string path, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
            : throw new BadInputException(path, $"'{text}' is not a UTC time");
}
