using FsBench.Host.Sampling;
using FsBench.Host.Study;

namespace FsBench.Host.Soak;

/// <summary>
/// A soak run folder (results/README.md; the records and file names are in bench/RunFormat): manifest.json, mix.json,
/// timeseries.csv, events.csv, vmm.csv, classes.json, knownbugs.csv. Rows are appended and JSON files replaced
/// atomically as the soak goes, so a killed soak keeps everything up to the kill.
/// </summary>
public sealed class SoakFolder
{
    private readonly object _lock = new();
    public RunFolderLayout Layout { get; }
    public string Dir => Layout.Dir;
    public string StateDir => Layout.StateDir;

    private SoakFolder(string dir) => Layout = new RunFolderLayout(dir);

    public static SoakFolder Create(string dir)
    {
        var f = new SoakFolder(dir);
        if (Directory.Exists(f.Dir) && Directory.EnumerateFileSystemEntries(f.Dir).Any(e => Path.GetFileName(e) != RunFolderLayout.RunLogFile))
            throw new StudyException($"run folder {f.Dir} already exists and is not empty");
        Directory.CreateDirectory(f.StateDir);
        RunFormatCsv.CreateEmpty<TimeSeriesRow>(f.Layout.TimeSeries);
        RunFormatCsv.CreateEmpty<SoakEventRow>(f.Layout.Events);
        RunFormatCsv.CreateEmpty<VmmRow>(f.Layout.Vmm);
        RunFormatCsv.CreateEmpty<KnownBugRow>(f.Layout.KnownBugs);
        return f;
    }

    /// <summary>The folder of a `fault` command: manifest.json (kind "fault") and events.csv only.</summary>
    public static SoakFolder CreateForFault(string dir)
    {
        var f = new SoakFolder(dir);
        if (Directory.Exists(f.Dir) && Directory.EnumerateFileSystemEntries(f.Dir).Any())
            throw new StudyException($"run folder {f.Dir} already exists and is not empty");
        Directory.CreateDirectory(f.Dir);
        RunFormatCsv.CreateEmpty<SoakEventRow>(f.Layout.Events);
        return f;
    }

    public void AppendWindow(TimeSeriesRow p) => Locked(() => RunFormatCsv.Append(Layout.TimeSeries, p));
    public void AppendEvent(SoakEvent e) => Locked(() => RunFormatCsv.Append(Layout.Events, e.ToRow()));
    public void AppendVmm(IEnumerable<ProcSample> samples) => Locked(() => RunFormatCsv.Append(Layout.Vmm, samples.Select(s => s.ToRow())));

    public void WriteManifest(SoakManifest manifest) => Locked(() => RunFormatJson.Write(Layout.Manifest, manifest));
    public void WriteManifest(FaultRunManifest manifest) => Locked(() => RunFormatJson.Write(Layout.Manifest, manifest));
    public void WriteClasses(SoakClasses classes) => Locked(() => RunFormatJson.Write(Layout.Classes, classes));
    public void WriteKnownBugs(IEnumerable<KnownBugRow> rows) => Locked(() => RunFormatCsv.WriteAll(Layout.KnownBugs, rows));
    public void WriteMix(MixFileContent mix) => Locked(() => RunFormatJson.Write(Layout.Mix, mix));

    private void Locked(Action write)
    {
        lock (_lock) write();
    }
}
