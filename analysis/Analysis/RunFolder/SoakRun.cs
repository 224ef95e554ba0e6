namespace Analysis.RunFolder;

/// <summary>
/// A soak run folder (written by <c>fsbench soak</c>): manifest, timeseries.csv, events.csv, vmm.csv, classes.json
/// and knownbugs.csv. Everything is read at once: a soak has one row per second, so even a day is small.
/// </summary>
public sealed class SoakRun
{
    public string Directory { get; private init; } = "";
    public SoakManifest Manifest { get; private init; } = new();
    public IReadOnlyList<TimeSeriesRow> Series { get; private init; } = [];
    public IReadOnlyList<SoakEventRow> Events { get; private init; } = [];
    public IReadOnlyList<VmmRow> Vmm { get; private init; } = [];
    public SoakClasses Classes { get; private init; } = new();
    public IReadOnlyList<KnownBugRow> KnownBugs { get; private init; } = [];
    public string Label { get; set; } = "";
    public string FiguresDirectory => new RunFolderLayout(Directory).FiguresDir;

    /// <summary>Whether a folder is a soak's (its manifest says so) rather than a benchmark run's.</summary>
    public static bool IsSoak(string directory) => ManifestReader.ReadHead(directory).KindOrDefault == RunKinds.Soak;

    public static SoakRun Open(string directory)
    {
        var layout = new RunFolderLayout(directory);
        var manifest = ManifestReader.ReadSoak(directory);
        var series = RunFormatCsv.Read<TimeSeriesRow>(layout.TimeSeries).ToList();
        if (series.Any(r => r.Ops < 0 || r.Failures < 0 || r.Failures > r.Ops))
            throw new BadInputException(layout.TimeSeries, "a window has impossible counts (failures above ops, or negative)");
        return new SoakRun
        {
            Directory = layout.Dir,
            Manifest = manifest,
            Series = series,
            Events = RunFormatCsv.Read<SoakEventRow>(layout.Events).ToList(),
            Vmm = RunFormatCsv.ReadIfPresent<VmmRow>(layout.Vmm),
            Classes = File.Exists(layout.Classes) ? RunFormatJson.Read<SoakClasses>(layout.Classes) : new SoakClasses(),
            KnownBugs = KnownBugRow.ReadIfPresent(directory),
            Label = $"{manifest.Host.Hostname}, {manifest.Settings.Provider}/{manifest.Settings.Mount}",
        };
    }

    /// <summary>
    /// The freezes recorded in the folder's freeze-windows.csv (a mac-study step: every freeze of the machine while the step ran,
    /// whoever froze it), on the soak's clock, as freeze faults; those the soak applied itself (in events.csv) are left out.
    /// </summary>
    public IReadOnlyList<(string Label, string Kind, double Start, double? End)> RecordedFreezes()
    {
        string path = Path.Combine(Directory, RunFolderLayout.FreezeWindowsFile);
        var started = Events.FirstOrDefault(e => e.Kind == "soak_start");
        if (!File.Exists(path) || started is null || !DateTimeOffset.TryParse(started.Utc, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var origin)) return [];
        double On(string utc) => (DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal) - origin).TotalSeconds + started.TS;
        var own = Faults().Where(f => f.Kind == "freeze").ToList();
        return RunFormatCsv.Read<FreezeWindowRow>(path)
            .Select((w, i) => (Label: $"freeze@{w.Machine}#{i + 1}", Kind: "freeze", Start: On(w.StartUtc), End: (double?)On(w.EndUtc)))
            .Where(w => !own.Any(f => w.Start <= (f.End ?? double.MaxValue) && w.End >= f.Start))
            .ToList();
    }

    /// <summary>The faults as applied, from events.csv: label, kind, start and (for pauses and stalls) when they were lifted.</summary>
    public IReadOnlyList<(string Label, string Kind, double Start, double? End)> Faults()
    {
        var list = new List<(string, string, double, double?)>();
        foreach (var start in Events.Where(e => e.Kind == "fault_start"))
        {
            var end = Events.FirstOrDefault(e => e.Kind == "fault_end" && e.Fault == start.Fault && e.TS >= start.TS);
            string kind = start.Fault.Split('#')[0];
            list.Add((start.Fault, kind, start.TS, kind == "kill" ? start.TS : end?.TS));
        }
        return list;
    }
}
