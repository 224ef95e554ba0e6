using FsBench.Protocol;

namespace FsBench.RunFormat;

/// <summary>
/// The names of the files of a run folder (results/README.md), and their paths in one folder. Every writer and
/// reader takes its paths from here.
/// </summary>
public sealed class RunFolderLayout(string dir)
{
    public const string ManifestFile = "manifest.json";
    public const string SummaryFile = "summary.csv";
    public const string FailuresFile = "failures.csv";
    public const string ProbeFolder = "probe";
    public const string KnownBugsFile = "knownbugs.csv";
    public const string CoherenceFile = "coherence.csv";
    public const string RestartsFile = "restarts.csv";
    public const string GpuFolder = "gpu";
    public const string TimeSeriesFile = "timeseries.csv";
    public const string EventsFile = "events.csv";
    public const string VmmFile = "vmm.csv";
    public const string ClassesFile = "classes.json";
    public const string MixFile = "mix.json";
    public const string BdnFolder = "bdn";
    public const string StateFolder = "state";
    public const string RunLogFile = "run.log";
    public const string MemoFile = "memo.md";
    public const string FiguresFolder = "figures";
    public const string CyclesFile = "cycles.csv";
    public const string OpCostFile = "opcost.csv";
    public const string FaultModelFolder = "faultmodel";
    public const string FreezeWindowsFile = "freeze-windows.csv";
    public const string PlanFile = "plan.json";
    public const string WorkloadsFile = "workloads.csv";
    public const string WorkloadsFolder = "workloads";

    public string Dir { get; } = Path.GetFullPath(dir);
    public string Manifest => Path.Combine(Dir, ManifestFile);
    public string Summary => Path.Combine(Dir, SummaryFile);
    public string Failures => Path.Combine(Dir, FailuresFile);
    public string ProbeDir => Path.Combine(Dir, ProbeFolder);
    public string KnownBugs => Path.Combine(Dir, KnownBugsFile);
    public string Coherence => Path.Combine(Dir, CoherenceFile);
    public string Restarts => Path.Combine(Dir, RestartsFile);
    public string GpuDir => Path.Combine(Dir, GpuFolder);
    public string TimeSeries => Path.Combine(Dir, TimeSeriesFile);
    public string Events => Path.Combine(Dir, EventsFile);
    public string Vmm => Path.Combine(Dir, VmmFile);
    public string Classes => Path.Combine(Dir, ClassesFile);
    public string Mix => Path.Combine(Dir, MixFile);
    public string BdnDir => Path.Combine(Dir, BdnFolder);
    public string StateDir => Path.Combine(Dir, StateFolder);
    public string FiguresDir => Path.Combine(Dir, FiguresFolder);
    public string Memo => Path.Combine(Dir, MemoFile);
    public string Workloads => Path.Combine(Dir, WorkloadsFile);

    public string ProbeCase(CaseKey key) => Path.Combine(ProbeDir, key.ProbeFileName);
    public string Gpu(string provider) => Path.Combine(GpuDir, $"{provider}.json");
    public string WorkloadReply(string provider, string mount, string workload, int rep) =>
        Path.Combine(Dir, WorkloadsFolder, $"{provider}.{mount}.{workload}.r{rep}.json");

    /// <summary>
    /// Each file of the format and the record it holds (one per row for CSVs). Files that other tools write
    /// (BenchmarkDotNet's exports, the console log, the analysis's memo and figures, the providers' state) are
    /// listed in <see cref="NotRecords"/>: the format does not describe their content.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Type> Records = new Dictionary<string, Type>
    {
        [ManifestFile] = typeof(ManifestHead),
        [SummaryFile] = typeof(SummaryRow),
        [FailuresFile] = typeof(FailureRow),
        [$"{ProbeFolder}/<provider>.<mount>.<op>.w<workers>.json"] = typeof(ProbeCase),
        [KnownBugsFile] = typeof(KnownBugRow),
        [CoherenceFile] = typeof(CoherenceRow),
        [RestartsFile] = typeof(RestartRow),
        [$"{GpuFolder}/<provider>.json"] = typeof(GpuReport),
        [TimeSeriesFile] = typeof(TimeSeriesRow),
        [EventsFile] = typeof(SoakEventRow),
        [VmmFile] = typeof(VmmRow),
        [ClassesFile] = typeof(SoakClasses),
        [MixFile] = typeof(MixFileContent),
        [CyclesFile] = typeof(CycleRow),
        [OpCostFile] = typeof(OpCostRow),
        [$"*/{FreezeWindowsFile}"] = typeof(FreezeWindowRow),
        [WorkloadsFile] = typeof(WorkloadRow),
        [$"{WorkloadsFolder}/<provider>.<mount>.<workload>.r<N>.json"] = typeof(ReplayReply),
        [PlanFile] = typeof(MacStudyPlan),
    };

    /// <summary>
    /// Besides the other tools' files: the fault model's folder (a copy of the model file, the server's injection log,
    /// the reconcile tool's report), the mac study's preflight text and its step folders (run folders, described above).
    /// </summary>
    public static readonly IReadOnlyList<string> NotRecords = [$"{BdnFolder}/", RunLogFile, MemoFile, $"{FiguresFolder}/", $"{StateFolder}/",
        $"{FaultModelFolder}/", "preflight.txt", "bench/", "soak/"];

    /// <summary>Files the host writes that have no record here yet: none (every file above has its record).</summary>
    public static readonly IReadOnlyList<string> NotYetRecords = [];
}
