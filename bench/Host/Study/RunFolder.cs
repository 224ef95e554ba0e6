using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FsBench.Host.Study;

/// <summary>
/// results/&lt;run-id&gt;/: the self-describing run folder (see results/README.md). Everything is written as it
/// goes, so a killed run keeps what it measured.
/// </summary>
public sealed class RunFolder
{
    public const string SummaryHeader = "provider,mount,op,workers,ops,failures,p50_ns,p99_ns,ops_per_s,p999_ns,mean_ns,layout";
    public const string FailuresHeader = "provider,mount,op,workers,errno,count";

    public string Dir { get; }
    public string ManifestPath => Path.Combine(Dir, "manifest.json");
    public string SummaryPath => Path.Combine(Dir, "summary.csv");
    public string FailuresPath => Path.Combine(Dir, "failures.csv");
    public string ProbeDir => Path.Combine(Dir, "probe");
    public string StateDir => Path.Combine(Dir, "state");
    public string BdnDir => Path.Combine(Dir, "bdn");
    public string SettingsPath => Path.Combine(StateDir, "settings.json");
    /// <summary>gpu/&lt;provider&gt;.json, written by `fsbench gpu`.</summary>
    public string GpuDir => Path.Combine(Dir, "gpu");

    public RunFolder(string dir)
    {
        Dir = Path.GetFullPath(dir);
    }

    public static RunFolder Create(string dir)
    {
        var folder = new RunFolder(dir);
        // run.log may already be there: ./run-bench.sh starts logging before the host starts.
        if (Directory.Exists(folder.Dir) && Directory.EnumerateFileSystemEntries(folder.Dir).Any(e => Path.GetFileName(e) != "run.log"))
            throw new StudyException($"run folder {folder.Dir} already exists and is not empty");
        Directory.CreateDirectory(folder.ProbeDir);
        Directory.CreateDirectory(folder.StateDir);
        Directory.CreateDirectory(folder.BdnDir);
        File.WriteAllText(folder.SummaryPath, SummaryHeader + "\n");
        File.WriteAllText(folder.FailuresPath, FailuresHeader + "\n");
        return folder;
    }

    public static RunFolder Open(string dir)
    {
        var folder = new RunFolder(dir);
        if (!File.Exists(folder.SettingsPath)) throw new StudyException($"{folder.SettingsPath} is missing: not a run folder in progress");
        return folder;
    }

    public void WriteSettings(StudySettings settings) => WriteAtomic(SettingsPath, JsonSerializer.Serialize(settings, StudySettings.Json));

    public StudySettings ReadSettings() =>
        JsonSerializer.Deserialize<StudySettings>(File.ReadAllText(SettingsPath), StudySettings.Json)
        ?? throw new StudyException($"{SettingsPath} is empty");

    public void WriteManifest(JsonObject manifest) =>
        WriteAtomic(ManifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public JsonObject ReadManifest() =>
        JsonNode.Parse(File.ReadAllText(ManifestPath)) as JsonObject ?? throw new StudyException($"{ManifestPath} is not a JSON object");

    public string CasePath(CaseKey key) => Path.Combine(ProbeDir, key.FileName);

    public void WriteCase(CaseFile c) =>
        WriteAtomic(CasePath(new CaseKey(c.Provider, c.Mount, c.Op, c.Workers)), JsonSerializer.Serialize(c, StudySettings.Json));

    public CaseFile? ReadCase(CaseKey key)
    {
        string path = CasePath(key);
        return File.Exists(path) ? JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(path), StudySettings.Json) : null;
    }

    /// <summary>The case's row in summary.csv and its errno counts in failures.csv, appended when it finishes.</summary>
    public void AppendFinished(CaseFile c)
    {
        var inv = CultureInfo.InvariantCulture;
        File.AppendAllText(SummaryPath, string.Join(",",
            c.Provider, c.Mount, c.Op, c.Workers.ToString(inv), c.Ops.ToString(inv), c.Failures.ToString(inv),
            c.P50Ns.ToString(inv), c.P99Ns.ToString(inv), c.OpsPerSecond.ToString("0.###", inv),
            c.P999Ns.ToString(inv), c.MeanNs.ToString("0.#", inv), c.Layout) + "\n");
        var rows = c.Errnos.Where(e => e.Value > 0).Select(e => $"{c.Provider},{c.Mount},{c.Op},{c.Workers},{e.Key},{e.Value}\n");
        File.AppendAllText(FailuresPath, string.Concat(rows));
    }

    /// <summary>Marks that a session's channel to <paramref name="provider"/> died, for the next case to restart it.</summary>
    public void MarkChannelFailure(string provider, string reason) =>
        File.WriteAllText(Path.Combine(StateDir, $"{provider}.channel-failed"), reason);

    /// <summary>The reason a previous case left, if any, and clears it.</summary>
    public string? TakeChannelFailure(string provider)
    {
        string path = Path.Combine(StateDir, $"{provider}.channel-failed");
        if (!File.Exists(path)) return null;
        string reason = File.ReadAllText(path);
        File.Delete(path);
        return reason;
    }

    /// <summary>restarts.csv: every provider restart a run needed, with the case and the reason.</summary>
    public void AppendRestart(string provider, CaseKey before, string reason)
    {
        string path = Path.Combine(Dir, "restarts.csv");
        if (!File.Exists(path)) File.WriteAllText(path, "utc,provider,case,reason\n");
        File.AppendAllText(path, $"{DateTime.UtcNow:o},{provider},{before},\"{reason.Replace("\"", "'")}\"\n");
    }

    public int FinishedCases() => Math.Max(0, File.ReadLines(SummaryPath).Count() - 1);

    private static void WriteAtomic(string path, string text)
    {
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
