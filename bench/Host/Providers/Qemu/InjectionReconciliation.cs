using System.Globalization;
using System.Text.Json.Nodes;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Sets a fault model's injection log against what the study detected in the same run folder (a benchmark run or a
/// soak), per provider instance with a model:
/// - semantic deviations: known-bug reproducer runs with at least one failing injection in their directory (kb-NAME-I)
///   against the deviations in knownbugs.csv (every condition);
/// - operation errors (soaks): failing injections outside reproducer directories against classes.json's operation
///   errors, by errno;
/// - stalls (soaks): the model's held requests against stall incidents not explained by a planned fault;
/// - leaked descriptors (soaks): fd_leak injections against the growth of virtiofsd's open descriptors in vmm.csv.
/// Exact agreement is required for deviations and operation errors; stalls and descriptors are reported beside.
/// </summary>
public static class InjectionReconciliation
{
    /// <summary>Kinds that only misreport or cost (no failed call): a reproducer may see them, the load does not.</summary>
    private static readonly HashSet<string> Silent = ["nlink_stale", "fd_leak", "stall"];

    /// <param name="Exact">Injected must equal detected; otherwise detected must lie in [Injected, UpperBound] when a bound is given.</param>
    public sealed record Check(string Name, long Injected, long Detected, bool Exact, string Note, long? UpperBound = null)
    {
        public bool Agrees => Exact ? Injected == Detected : UpperBound is not { } up || (Detected >= Injected && Detected <= up);
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
        var reproducer = log.Where(i => i.Path.Contains("/kb-")).ToList();
        var (start, end) = LoadWindow(Path.Combine(folder, "events.csv"));
        var load = log.Where(i => !i.Path.Contains("/kb-") && i.Time >= start && i.Time <= end).ToList();

        long runsHit = ReproducerRunsHit(reproducer);
        long deviations = KnownBugDeviations(Path.Combine(folder, "knownbugs.csv"), provider);
        checks.Add(new Check("semantic_deviation", runsHit, deviations, true,
            "reproducer runs with a failing injection in their directory vs deviations in knownbugs.csv"));

        string classesPath = Path.Combine(folder, "classes.json");
        if (File.Exists(classesPath))
        {
            var classes = JsonNode.Parse(File.ReadAllText(classesPath))!["classes"]!;
            var failing = load.Where(i => !Silent.Contains(i.Kind)).ToList();
            foreach (var errno in failing.GroupBy(i => i.Errno).Select(g => g.Key).Union(ErrnosOf(classes)).Order())
            {
                string name = ErrnoName(errno);
                var these = failing.Where(i => i.Errno == errno).ToList();
                long direct = these.Count(i => !IsLookup(i.Kind)), lookups = these.Count(i => IsLookup(i.Kind));
                long detected = (long?)classes["operation_error"]?["detail"]?[name] ?? 0;
                string kinds = string.Join(", ", these.GroupBy(i => i.Kind).Select(g => $"{g.Key} {g.Count()}"));
                checks.Add(lookups == 0
                    ? new Check($"operation_error {name}", direct, detected, true, kinds)
                    : new Check($"operation_error {name}", direct, detected, false,
                        $"{kinds}: detected must be at least the {direct} direct ones and at most {direct + lookups} (failed lookups are retried once by the guest, some absorbed)",
                        direct + lookups));
            }
            long stallIncidents = (long?)classes["stall"]?["count"] ?? 0;
            long planned = manifest["faults_planned"]?.AsArray().Count(f => ((string?)f!["fault"] ?? "").Split('#')[0] is "pause" or "stall" or "freeze") ?? 0;
            checks.Add(new Check("stall", load.Count(i => i.Kind == "stall"), Math.Max(0, stallIncidents - planned), false,
                $"model stalls vs stall incidents minus {planned} planned pause/stall faults (adjacent incidents merge)"));
            checks.Add(new Check("fd_leak", log.Count(i => i.Kind == "fd_leak"), DescriptorGrowth(Path.Combine(folder, "vmm.csv")), false,
                "leaked descriptors vs growth of virtiofsd's open descriptors in vmm.csv (last sample - first)"));
        }
        return checks;
    }

    /// <summary>A soak's load, from events.csv's soak_start to soak_end (utc column); everything for a benchmark run.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) LoadWindow(string events)
    {
        DateTimeOffset start = DateTimeOffset.MinValue, end = DateTimeOffset.MaxValue;
        if (!File.Exists(events)) return (start, end);
        foreach (var f in File.ReadLines(events).Skip(1).Select(l => l.Split(',', 5)).Where(f => f.Length >= 3))
        {
            if (f[2] == "soak_start") start = DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture);
            if (f[2] == "soak_end") end = DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture);
        }
        return (start, end);
    }

    private static IEnumerable<int> ErrnosOf(JsonNode classes) =>
        (classes["operation_error"]?["detail"] as JsonObject ?? []).Select(kv => ErrnoNumber(kv.Key)).Where(n => n > 0);

    /// <summary>Injections in one reproducer directory more than 2 s apart belong to different passes.</summary>
    private static long ReproducerRunsHit(IEnumerable<InjectionLogFormat.Injection> reproducer)
    {
        long runs = 0;
        foreach (var dir in reproducer.Where(i => !Silent.Contains(i.Kind) || i.Kind == "nlink_stale").GroupBy(i => KbDir(i.Path)))
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
        int k = path.IndexOf("/kb-", StringComparison.Ordinal);
        int end = path.IndexOf('/', k + 1);
        return end < 0 ? path : path[..end];
    }

    private static long KnownBugDeviations(string csv, string provider) =>
        !File.Exists(csv) ? 0 : File.ReadLines(csv).Skip(1).Select(l => l.Split(',', 7))
            .Where(f => f.Length >= 6 && f[0] == provider).Sum(f => long.Parse(f[5], CultureInfo.InvariantCulture));

    /// <summary>The largest open-descriptor count of any virtiofsd process minus its first sample.</summary>
    private static long DescriptorGrowth(string vmm)
    {
        if (!File.Exists(vmm)) return 0;
        var rows = File.ReadLines(vmm).Skip(1).Select(l => l.Split(',')).Where(f => f.Length >= 5 && f[2] == "virtiofsd");
        return rows.GroupBy(f => f[3]).Select(g =>
        {
            var fds = g.Select(f => long.Parse(f[4], CultureInfo.InvariantCulture)).ToList();
            return fds[^1] - fds[0];
        }).DefaultIfEmpty(0).Max();
    }

    private static readonly Dictionary<int, string> Names = new() { [1] = "EPERM", [2] = "ENOENT", [5] = "EIO", [13] = "EACCES", [95] = "EOPNOTSUPP" };
    private static string ErrnoName(int n) => Names.GetValueOrDefault(n, $"E{n}");
    private static int ErrnoNumber(string name) => Names.FirstOrDefault(kv => kv.Value == name).Key;

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
