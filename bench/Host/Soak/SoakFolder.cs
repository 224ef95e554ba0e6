using FsBench.Host.Sampling;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsBench.Host.Study;

namespace FsBench.Host.Soak;

/// <summary>
/// A soak run folder (results/README.md): manifest.json, mix.json, timeseries.csv, events.csv, vmm.csv,
/// classes.json, knownbugs.csv. Rows are appended and JSON files replaced atomically as the soak goes, so a killed
/// soak keeps everything up to the kill.
/// </summary>
public sealed class SoakFolder
{
    private readonly object _lock = new();
    public string Dir { get; }
    public string StateDir => Path.Combine(Dir, "state");
    public string ManifestPath => Path.Combine(Dir, "manifest.json");
    public string MixPath => Path.Combine(Dir, "mix.json");
    public string TimeSeriesPath => Path.Combine(Dir, "timeseries.csv");
    public string EventsPath => Path.Combine(Dir, "events.csv");
    public string VmmPath => Path.Combine(Dir, "vmm.csv");
    public string ClassesPath => Path.Combine(Dir, "classes.json");
    public string KnownBugsPath => Path.Combine(Dir, "knownbugs.csv");

    private static readonly JsonSerializerOptions ClassesJson = new(StudySettings.Json)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private SoakFolder(string dir) => Dir = Path.GetFullPath(dir);

    public static SoakFolder Create(string dir)
    {
        var f = new SoakFolder(dir);
        if (Directory.Exists(f.Dir) && Directory.EnumerateFileSystemEntries(f.Dir).Any(e => Path.GetFileName(e) != "run.log"))
            throw new StudyException($"run folder {f.Dir} already exists and is not empty");
        Directory.CreateDirectory(f.StateDir);
        File.WriteAllText(f.TimeSeriesPath, SoakPoint.CsvHeader + "\n");
        File.WriteAllText(f.EventsPath, SoakEvent.CsvHeader + "\n");
        File.WriteAllText(f.VmmPath, ProcSample.CsvHeader + "\n");
        File.WriteAllText(f.KnownBugsPath, KnownBugPass.Header + "\n");
        return f;
    }

    /// <summary>The folder of a `fault` command: manifest.json (kind "fault") and events.csv only.</summary>
    public static SoakFolder CreateForFault(string dir)
    {
        var f = new SoakFolder(dir);
        if (Directory.Exists(f.Dir) && Directory.EnumerateFileSystemEntries(f.Dir).Any())
            throw new StudyException($"run folder {f.Dir} already exists and is not empty");
        Directory.CreateDirectory(f.Dir);
        File.WriteAllText(f.EventsPath, SoakEvent.CsvHeader + "\n");
        return f;
    }

    public void AppendPoint(SoakPoint p) => Append(TimeSeriesPath, [p.ToCsv()]);
    public void AppendEvent(SoakEvent e) => Append(EventsPath, [e.ToCsv()]);
    public void AppendVmm(IReadOnlyList<ProcSample> samples) => Append(VmmPath, samples.Select(s => s.ToCsv()));

    public void WriteManifest(JsonObject manifest) => WriteAtomic(ManifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    public void WriteClasses(ClassesFile classes) => WriteAtomic(ClassesPath, JsonSerializer.Serialize(classes, ClassesJson));
    public void WriteKnownBugs(IEnumerable<string> rows) => WriteAtomic(KnownBugsPath, KnownBugPass.Header + "\n" + string.Concat(rows.Select(r => r + "\n")));
    public void WriteMix(string json) => WriteAtomic(MixPath, json);

    private void Append(string path, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        lock (_lock) File.AppendAllLines(path, list);
    }

    private void WriteAtomic(string path, string text)
    {
        lock (_lock)
        {
            string tmp = path + ".tmp";
            File.WriteAllText(tmp, text);
            File.Move(tmp, path, overwrite: true);
        }
    }
}
