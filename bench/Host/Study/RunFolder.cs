using System.Text.Json;

namespace FsBench.Host.Study;

/// <summary>
/// results/&lt;run-id&gt;/: the self-describing run folder of a benchmark run (results/README.md; the records and
/// file names are in bench/RunFormat). Everything is written as it goes, so a killed run keeps what it measured.
/// </summary>
public sealed class RunFolder
{
    public RunFolderLayout Layout { get; }
    public string Dir => Layout.Dir;
    public string ManifestPath => Layout.Manifest;
    public string SummaryPath => Layout.Summary;
    public string FailuresPath => Layout.Failures;
    public string ProbeDir => Layout.ProbeDir;
    public string StateDir => Layout.StateDir;
    public string BdnDir => Layout.BdnDir;
    /// <summary>The host's own settings for the cases (state, not part of the format).</summary>
    public string SettingsPath => Path.Combine(StateDir, "settings.json");

    public RunFolder(string dir)
    {
        Layout = new RunFolderLayout(dir);
    }

    public static RunFolder Create(string dir)
    {
        var folder = new RunFolder(dir);
        // run.log may already be there: ./run-bench.sh starts logging before the host starts.
        if (Directory.Exists(folder.Dir) && Directory.EnumerateFileSystemEntries(folder.Dir).Any(e => Path.GetFileName(e) != RunFolderLayout.RunLogFile))
            throw new StudyException($"run folder {folder.Dir} already exists and is not empty");
        Directory.CreateDirectory(folder.ProbeDir);
        Directory.CreateDirectory(folder.StateDir);
        Directory.CreateDirectory(folder.BdnDir);
        RunFormatCsv.CreateEmpty<SummaryRow>(folder.SummaryPath);
        RunFormatCsv.CreateEmpty<FailureRow>(folder.FailuresPath);
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

    public void WriteManifest(BenchManifest manifest) => RunFormatJson.Write(ManifestPath, manifest);

    public BenchManifest ReadManifest() => ManifestReader.ReadBench(Dir);

    public string CasePath(CaseKey key) => Layout.ProbeCase(key);

    public void WriteCase(ProbeCase c) => RunFormatJson.Write(CasePath(c.Key), c);

    public ProbeCase? ReadCase(CaseKey key)
    {
        string path = CasePath(key);
        return File.Exists(path) ? RunFormatJson.Read<ProbeCase>(path) : null;
    }

    /// <summary>The case's row in summary.csv and its errno counts in failures.csv, appended when it finishes; a case whose
    /// benchmark failed gets its row too, with what was recorded before, <see cref="CaseStatus.Failed"/> and the reason.</summary>
    public void AppendFinished(ProbeCase c, string status = CaseStatus.Ok, string reason = "")
    {
        bool any = c.Ops > c.Failures;
        RunFormatCsv.Append(SummaryPath, new SummaryRow
        {
            Provider = c.Provider, Mount = c.Mount, Op = c.Op, Workers = c.Workers, Ops = c.Ops, Failures = c.Failures,
            P50Ns = any ? c.P50Ns : null, P99Ns = any ? c.P99Ns : null, P999Ns = any ? c.P999Ns : null,
            MeanNs = any ? Math.Round(c.MeanNs, 1) : null, OpsPerS = Math.Round(c.OpsPerSecond, 3), Layout = c.Layout ?? "",
            Status = status, Reason = OneLine(reason),
        });
        RunFormatCsv.Append(FailuresPath, c.Errnos.Where(e => e.Value > 0).Select(e => new FailureRow
        {
            Provider = c.Provider, Mount = c.Mount, Op = c.Op, Workers = c.Workers, Errno = e.Key, Count = e.Value,
        }));
    }

    private string InterruptedPath => Path.Combine(StateDir, "interrupted");

    /// <summary>The run was interrupted (SIGINT/SIGTERM): no BenchmarkDotNet child opens a session or restarts a provider after this.</summary>
    public void MarkInterrupted() => File.WriteAllText(InterruptedPath, DateTime.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));

    public bool IsInterrupted => File.Exists(InterruptedPath);

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
    public void AppendRestart(string provider, CaseKey before, string reason) =>
        RunFormatCsv.Append(Layout.Restarts, new RestartRow { Utc = DateTime.UtcNow.ToString("o"), Provider = provider, Case = before.ToString(), Reason = reason });

    /// <summary>Cases that finished (status ok); a failed case's row does not count.</summary>
    public int FinishedCases() => RunFormatCsv.Read<SummaryRow>(SummaryPath).Count(r => r.IsOk);

    /// <summary>Every case that has a row, finished or failed.</summary>
    public HashSet<CaseKey> CasesWithRows() => RunFormatCsv.Read<SummaryRow>(SummaryPath).Select(r => r.Key).ToHashSet();

    private static string OneLine(string text)
    {
        string line = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= 300 ? line : line[..299] + "…";
    }

    private static void WriteAtomic(string path, string text)
    {
        string tmp = path + ".tmp";
        File.WriteAllText(tmp, text);
        File.Move(tmp, path, overwrite: true);
    }
}
