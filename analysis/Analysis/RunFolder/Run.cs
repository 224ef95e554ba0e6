using HdrHistogram;

namespace Analysis.RunFolder;

/// <summary>
/// A run folder (results/README.md): its manifest, one summary row per finished case and the failure counts.
/// Probe files are read one case at a time, on demand, so memory depends on the number of cases, not of operations.
/// </summary>
public sealed class Run
{
    private Run(string directory, BenchManifest manifest, IReadOnlyList<SummaryRow> cases,
        IReadOnlyDictionary<CaseKey, IReadOnlyDictionary<string, long>> errnos)
    {
        Directory = directory;
        Manifest = manifest;
        Cases = cases;
        Errnos = errnos;
    }

    public string Directory { get; }
    public BenchManifest Manifest { get; }

    /// <summary>One summary row per finished case, sorted by op, provider, mount and workers.</summary>
    public IReadOnlyList<SummaryRow> Cases { get; }

    /// <summary>Failure counts by errno name, per case (only cases that failed).</summary>
    public IReadOnlyDictionary<CaseKey, IReadOnlyDictionary<string, long>> Errnos { get; }

    /// <summary>How the memo and the figures name this run: its host, and the run id when that is not enough.</summary>
    public string Label { get; private set; } = "";

    /// <summary><c>gpu/&lt;provider&gt;.json</c>: what each provider's guest saw of a GPU (none when the run has no gpu/ folder).</summary>
    public IReadOnlyList<GpuReport> Gpu { get; private init; } = [];

    /// <summary><c>restarts.csv</c>: each restart of a provider's shared guest (none when the file is absent).</summary>
    public IReadOnlyList<RestartRow> Restarts { get; private init; } = [];

    public string FiguresDirectory => new RunFolderLayout(Directory).FiguresDir;

    /// <summary>Opens a benchmark run's folder; a soak's, or any folder of another kind, is a one-line error saying which it is.</summary>
    public static Run Open(string directory)
    {
        var layout = new RunFolderLayout(directory);
        var manifest = ManifestReader.ReadBench(directory);
        var cases = ReadSummary(layout.Summary);
        var errnos = ReadFailures(layout.Failures);
        return new Run(layout.Dir, manifest, cases, errnos)
        {
            Label = manifest.Host.Hostname,
            Gpu = GpuReports.ReadAll(directory),
            Restarts = RestartRow.ReadIfPresent(directory),
        };
    }

    /// <summary>Gives runs distinct labels: the host name, plus the run id when two runs share a host.</summary>
    public static void AssignLabels(IReadOnlyList<Run> runs)
    {
        foreach (var run in runs)
        {
            bool shared = runs.Count(r => r.Manifest.Host.Hostname == run.Manifest.Host.Hostname) > 1;
            run.Label = shared ? $"{run.Manifest.Host.Hostname} ({run.Manifest.RunId})" : run.Manifest.Host.Hostname;
        }
    }

    public string ProbePath(CaseKey key) => new RunFolderLayout(Directory).ProbeCase(key);

    /// <summary>Reads the probe file of a case, or null when it is missing in a run that did not complete.</summary>
    public (ProbeCase Probe, HistogramBase Histogram)? TryReadProbe(CaseKey key)
    {
        string path = ProbePath(key);
        if (!File.Exists(path) && !Manifest.IsComplete) return null;
        return ProbeReader.Read(path, key);
    }

    private static List<SummaryRow> ReadSummary(string path)
    {
        var rows = new List<SummaryRow>();
        var seen = new HashSet<CaseKey>();
        foreach (var row in RunFormatCsv.Read<SummaryRow>(path))
        {
            if (!seen.Add(row.Key)) throw new BadInputException(path, $"case {row.Key} appears twice");
            if (row.Ops < 0 || row.Failures < 0 || row.Failures > row.Ops || row.Workers < 1)
                throw new BadInputException(path, $"case {row.Key}: impossible counts (ops {row.Ops}, failures {row.Failures}, workers {row.Workers})");
            rows.Add(row);
        }
        rows.Sort((a, b) => CaseOrder.Instance.Compare(a.Key, b.Key));
        return rows;
    }

    private static Dictionary<CaseKey, IReadOnlyDictionary<string, long>> ReadFailures(string path)
    {
        var byCase = new Dictionary<CaseKey, Dictionary<string, long>>();
        foreach (var row in RunFormatCsv.Read<FailureRow>(path))
        {
            if (row.Count < 0) throw new BadInputException(path, $"case {row.Key}: negative count for {row.Errno}");
            if (row.Count == 0) continue;
            if (!byCase.TryGetValue(row.Key, out var counts)) byCase[row.Key] = counts = [];
            counts[row.Errno] = counts.GetValueOrDefault(row.Errno) + row.Count;
        }
        return byCase.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, long>)kv.Value);
    }
}
