using HdrHistogram;

namespace Analysis.RunFolder;

/// <summary>
/// A run folder (results/README.md): its manifest, one summary row per finished case and the failure counts.
/// Probe files are read one case at a time, on demand, so memory depends on the number of cases, not of operations.
/// </summary>
public sealed class Run
{
    private Run(string directory, Manifest manifest, IReadOnlyList<SummaryRow> cases,
        IReadOnlyDictionary<CaseKey, IReadOnlyDictionary<string, long>> errnos)
    {
        Directory = directory;
        Manifest = manifest;
        Cases = cases;
        Errnos = errnos;
    }

    public string Directory { get; }
    public Manifest Manifest { get; }

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

    public string FiguresDirectory => Path.Combine(Directory, "figures");

    public static Run Open(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) throw new BadInputException(directory, "run folder is missing");
        var manifest = ManifestReader.Read(Path.Combine(directory, "manifest.json"));
        var cases = ReadSummary(Path.Combine(directory, "summary.csv"));
        var errnos = ReadFailures(Path.Combine(directory, "failures.csv"));
        return new Run(Path.GetFullPath(directory), manifest, cases, errnos)
        {
            Label = manifest.Host.Hostname,
            Gpu = GpuReport.ReadAll(directory),
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

    public string ProbePath(CaseKey key) => Path.Combine(Directory, "probe", key.ProbeFileName);

    /// <summary>Reads the probe file of a case, or null when it is missing in a run that did not complete.</summary>
    public (ProbeResult Probe, HistogramBase Histogram)? TryReadProbe(CaseKey key)
    {
        string path = ProbePath(key);
        if (!File.Exists(path) && !Manifest.IsComplete) return null;
        return ProbeReader.Read(path, key);
    }

    private static List<SummaryRow> ReadSummary(string path)
    {
        var rows = new List<SummaryRow>();
        var seen = new HashSet<CaseKey>();
        foreach (var row in CsvFile.Read<SummaryRow>(path))
        {
            if (!seen.Add(row.Key)) throw new BadInputException(path, $"case {row.Key} appears twice");
            if (row.Ops < 0 || row.Failures < 0 || row.Failures > row.Ops || row.Workers < 1)
                throw new BadInputException(path, $"case {row.Key}: impossible counts (ops {row.Ops}, failures {row.Failures}, workers {row.Workers})");
            rows.Add(row);
        }
        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        return rows;
    }

    private static Dictionary<CaseKey, IReadOnlyDictionary<string, long>> ReadFailures(string path)
    {
        var byCase = new Dictionary<CaseKey, Dictionary<string, long>>();
        foreach (var row in CsvFile.Read<FailureRow>(path))
        {
            if (row.Count < 0) throw new BadInputException(path, $"case {row.Key}: negative count for {row.Errno}");
            if (row.Count == 0) continue;
            if (!byCase.TryGetValue(row.Key, out var counts)) byCase[row.Key] = counts = [];
            counts[row.Errno] = counts.GetValueOrDefault(row.Errno) + row.Count;
        }
        return byCase.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, long>)kv.Value);
    }
}
