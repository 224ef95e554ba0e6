using System.Globalization;
using System.Text.Json.Nodes;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Sets a fault model's injection log against what the study detected in the same run folder (a benchmark run or a
/// soak), per provider instance with a model:
/// - semantic deviations: known-bug reproducer runs with at least one failing injection in their directory (kb-NAME-PASS.RUN)
///   against the deviations in knownbugs.csv (every condition);
/// - every injection of a soak is placed by the clock (<see cref="InjectionPhases"/>): in a reproducer's directory, inside one of the
///   load's windows, or outside the load (preparation, clean-up), so each one is accounted for;
/// - operation errors (soaks): failing injections inside the load's windows against the failed actions of timeseries.csv, by errno
///   (exact; failing lookups, which the guest retries, give bounds instead: the shipped models fail none);
/// - stalls (soaks): the model's held requests inside the windows against those whose window the soak classed as stalled (exact);
/// - leaked descriptors (soaks): fd_leak injections against the growth of virtiofsd's open descriptors in vmm.csv (within a slack).
/// </summary>
public static class InjectionReconciliation
{
    /// <summary>Kinds that only misreport or cost (no failed call): a reproducer may see them, the load does not.</summary>
    private static readonly HashSet<string> Silent = ["nlink_stale", "fd_leak", "stall"];

    /// <param name="Exact">Injected must equal detected; otherwise detected must lie in [LowerBound (default Injected), UpperBound] when an upper bound is given (none: only reported).</param>
    public sealed record Check(string Name, long Injected, long Detected, bool Exact, string Note, long? UpperBound = null, long? LowerBound = null)
    {
        public bool Agrees => Exact ? Injected == Detected : UpperBound is not { } up || (Detected >= (LowerBound ?? Injected) && Detected <= up);
    }

    /// <summary>
    /// Failed lookups: the guest retries a failed revalidation with a fresh lookup (two injections, one failure), and some
    /// callers absorb one (mkdir -p meets EEXIST, rename over a target it believes missing): bounds, not an equality.
    /// </summary>
    private static bool IsLookup(string kind) => kind.EndsWith("_lookup", StringComparison.Ordinal);

    public sealed record Result(string Folder, string Provider, string Model, IReadOnlyDictionary<string, int> InjectedByKind, IReadOnlyList<Check> Checks)
    {
        public bool Agrees => Checks.All(c => c.Agrees);
    }

    public static IReadOnlyList<Result> ForFolder(string folder)
    {
        string manifestPath = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifestPath)) throw new StudyException($"{folder}: no manifest.json (not a run folder)");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var results = new List<Result>();
        foreach (var p in ProvidersOf(manifest))
        {
            string? log = (string?)p["settings"]?["fault_model_injections"];
            if (log is null) continue;
            string provider = (string)p["name"]!;
            string model = ((string?)p["settings"]!["fault_model"] ?? "?").Split(' ')[0];
            var injections = InjectionLogFormat.Read(Path.Combine(folder, log));
            results.Add(new Result(folder, provider, model, InjectionLogFormat.CountByKind(injections), Checks(folder, manifest, provider, injections)));
        }
        return results;
    }

    private static IEnumerable<JsonNode> ProvidersOf(JsonNode manifest) => manifest["providers"] switch
    {
        JsonArray a => a.Where(n => n is not null)!,
        JsonObject o => o.Select(kv => { var n = kv.Value!.DeepClone(); n["name"] ??= kv.Key; return n; }),
        _ => [],
    };

    private static List<Check> Checks(string folder, JsonNode manifest, string provider, IReadOnlyList<InjectionLogFormat.Injection> log)
    {
        var checks = new List<Check>();
        var reproducer = log.Where(InjectionPhases.IsReproducer).ToList();
        long runsHit = ReproducerRunsHit(reproducer);
        long deviations = KnownBugDeviations(Path.Combine(folder, "knownbugs.csv"), provider);
        checks.Add(new Check("semantic_deviation", runsHit, deviations, true,
            "reproducer runs with a failing injection in their directory vs deviations in knownbugs.csv"));

        if (InjectionPhases.Of(folder, log) is not { } phases) return checks;
        var load = log.Where(phases.InLoad).ToList();
        var failing = load.Where(i => !Silent.Contains(i.Kind)).ToList();
        foreach (var errno in failing.Select(i => ErrnoName(i.Errno)).Union(phases.DetectedErrnos()).Order(StringComparer.Ordinal))
        {
            var these = failing.Where(i => ErrnoName(i.Errno) == errno).ToList();
            long direct = these.Count(i => !IsLookup(i.Kind)), lookups = these.Count(i => IsLookup(i.Kind));
            long detected = phases.Detected(errno);
            string kinds = string.Join(", ", these.GroupBy(i => i.Kind).Select(g => $"{g.Key} {g.Count()}"));
            checks.Add(lookups == 0
                ? new Check($"operation_error {errno}", direct, detected, true, $"{kinds}{(kinds.Length > 0 ? ": " : "")}injected inside the load's windows vs failed actions in timeseries.csv")
                : new Check($"operation_error {errno}", direct, detected, false,
                    $"{kinds}: detected must be at least the {direct} direct ones and at most {direct + lookups} (failed lookups are retried once by the guest, some absorbed)",
                    direct + lookups));
        }
        var stalls = load.Where(i => i.Kind == "stall").ToList();
        checks.Add(new Check("stall", stalls.Count, stalls.Count(i => phases.WindowOf(i)!.Row.Has("stall")), true,
            "model stalls inside the load's windows vs those whose window the soak classed as stalled"));
        checks.Add(DescriptorCheck(folder, manifest, log));
        var outside = log.Where(i => !phases.InLoad(i) && !InjectionPhases.IsReproducer(i)).GroupBy(phases.PhaseOf).ToList();
        checks.Add(new Check("outside the load", outside.Sum(g => g.Count()), 0, false,
            outside.Count == 0 ? "none" : string.Join("; ", outside.Select(g => $"{g.Key}: {string.Join(", ", g.GroupBy(i => i.Kind).Select(k => $"{k.Key} {k.Count()}"))}")) +
            " (the soak times nothing there: not set against its classes)"));
        return checks;
    }

    /// <summary>
    /// Injections in one reproducer directory more than 2 s apart belong to different passes. Every run shares the root, so
    /// an injection there is one run (chmod_share_root chmods the root once per run and restores it only after a success).
    /// </summary>
    private static long ReproducerRunsHit(IEnumerable<InjectionLogFormat.Injection> reproducer)
    {
        var counted = reproducer.Where(i => !Silent.Contains(i.Kind) || i.Kind == "nlink_stale").ToList();
        long runs = counted.Count(InjectionPhases.IsShareRoot);
        foreach (var dir in counted.Where(i => !InjectionPhases.IsShareRoot(i)).GroupBy(i => KbDir(i.Path)))
        {
            DateTimeOffset? last = null;
            foreach (var i in dir.OrderBy(i => i.Time))
            {
                if (last is null || (i.Time - last.Value).TotalSeconds > 2) runs++;
                last = i.Time;
            }
        }
        return runs;
    }

    private static string KbDir(string path)
    {
        int k = path.IndexOf("/" + FsBench.Protocol.KnownBugDirs.Run, StringComparison.Ordinal);
        int end = path.IndexOf('/', k + 1);
        return end < 0 ? path : path[..end];
    }

    private static long KnownBugDeviations(string csv, string provider) =>
        !File.Exists(csv) ? 0 : File.ReadLines(csv).Skip(1).Select(l => l.Split(',', 7))
            .Where(f => f.Length >= 6 && f[0] == provider).Sum(f => long.Parse(f[5], CultureInfo.InvariantCulture));

    /// <summary>
    /// Leaked descriptors against the growth of virtiofsd's open descriptors (vmm.csv, the process that grew most, last sample −
    /// first), counting the leaks made between those two samples. virtiofsd holds one descriptor per inode the guest knows;
    /// the soak makes its whole working set before the load and again after it (soak_prepared, soak_restored) and samples
    /// once more after that, so without a leak the count only moves by the handles open at a sample: at most one per
    /// worker and <see cref="DescriptorSlack"/> of the server's own (the slack).
    /// </summary>
    private static Check DescriptorCheck(string folder, JsonNode manifest, IReadOnlyList<InjectionLogFormat.Injection> log)
    {
        long slack = ((long?)manifest["settings"]?["workers"] ?? 4) + DescriptorSlack;
        var (growth, from, to) = DescriptorGrowth(Path.Combine(folder, "vmm.csv"));
        long leaked = log.Count(i => i.Kind == "fd_leak" && i.Time >= from && i.Time <= to);
        return new Check("fd_leak", leaked, growth, false,
            $"descriptors leaked between the first and last sample vs growth of virtiofsd's open descriptors in vmm.csv, within ±{slack} (handles open at a sample)",
            leaked + slack, Math.Max(0, leaked - slack));
    }

    /// <summary>Descriptors beyond one per worker that may be open at a sample without any leak (the server's own, a directory handle).</summary>
    public const long DescriptorSlack = 4;

    /// <summary>The largest open-descriptor growth of any virtiofsd process over the soak (last sample − first), and when those were taken.</summary>
    private static (long Growth, DateTimeOffset From, DateTimeOffset To) DescriptorGrowth(string vmm)
    {
        var rows = RunFormatCsv.ReadIfPresent<VmmRow>(vmm).Where(r => r.Role == "virtiofsd").ToList();
        if (rows.Count == 0) return (0, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var grown = rows.GroupBy(r => r.Pid).Select(g => (First: g.First(), Last: g.Last())).MaxBy(p => p.Last.OpenFds - p.First.OpenFds);
        return (grown.Last.OpenFds - grown.First.OpenFds, Utc(grown.First.Utc), Utc(grown.Last.Utc));
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static readonly Dictionary<int, string> Names = new() { [1] = "EPERM", [2] = "ENOENT", [5] = "EIO", [13] = "EACCES", [95] = "EOPNOTSUPP" };
    private static string ErrnoName(int n) => Names.GetValueOrDefault(n, $"E{n}");

    public static string Table(IEnumerable<Result> results)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var r in results)
        {
            sb.AppendLine($"{r.Folder}: {r.Provider} (fault model '{r.Model}'): injected {string.Join(", ", r.InjectedByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}");
            foreach (var c in r.Checks)
                sb.AppendLine($"  {c.Name,-26} injected {c.Injected,6}  detected {c.Detected,6}  {(c.Exact ? (c.Agrees ? "agree" : "DISAGREE") : c.UpperBound is not null ? (c.Agrees ? "within bounds" : "OUT OF BOUNDS") : "(reported)")}  {c.Note}");
        }
        return sb.ToString();
    }
}
