using System.Globalization;
using FsBench.Protocol;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// Where each injection of a soak's log happened, by the host's clock (the library stamps CLOCK_REALTIME; the soak's
/// windows are on its monotonic axis, anchored by events.csv's soak_start): in a known-bug reproducer's directory, or
/// inside one load window (every action of a window runs between the host's request and the probe's answer), or
/// outside the load: before the first window (the session's preparation), between two windows, or after the last
/// (the session's clean-up, the provider's stop). Every injection lands in exactly one phase.
/// </summary>
public sealed class InjectionPhases
{
    /// <summary>Clock slack at a window's edges (the CSV rounds times to the millisecond).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(5);

    public const string Reproducer = "reproducer", ReproducerCleanup = "a reproducer's clean-up (after its check)",
        Before = "before the load (preparation)", Between = "between windows", After = "after the load (clean-up, stop)";

    /// <summary>One window on the wall clock, with what the soak saw in it.</summary>
    public sealed record Window(int Index, DateTimeOffset Start, DateTimeOffset End, TimeSeriesRow Row);

    public IReadOnlyList<Window> Windows { get; }
    /// <summary>Injection → the window it happened in, or null (see <see cref="PhaseOf"/>).</summary>
    private readonly Dictionary<InjectionLogFormat.Injection, Window?> _windowOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InjectionLogFormat.Injection, string> _phaseOf = new(ReferenceEqualityComparer.Instance);

    private InjectionPhases(IReadOnlyList<Window> windows, IEnumerable<InjectionLogFormat.Injection> log)
    {
        Windows = windows;
        foreach (var i in log)
        {
            string? reproducerPhase = IsReproducer(i) ? Reproducer : IsReproducerCleanup(i) ? ReproducerCleanup : null;
            var w = reproducerPhase is not null ? null : windows.FirstOrDefault(w => i.Time >= w.Start - Slack && i.Time <= w.End + Slack);
            _windowOf[i] = w;
            _phaseOf[i] = reproducerPhase ?? (w is not null ? $"window {w.Index}"
                : windows.Count == 0 || i.Time < windows[0].Start ? Before : i.Time > windows[^1].End ? After : Between);
        }
    }

    /// <summary>
    /// In a reproducer's directory (kb-NAME-PASS.RUN), or on the share's root: neither the benchmark nor a soak's load touches the
    /// root itself; only the chmod_share_root reproducer does.
    /// </summary>
    public static bool IsReproducer(InjectionLogFormat.Injection i) => i.Path.Contains("/" + KnownBugDirs.Run, StringComparison.Ordinal) || IsShareRoot(i);

    /// <summary>In a reproducer's directory being removed after its check (<see cref="KnownBugDirs.Removal"/>): not its outcome, not the load.</summary>
    public static bool IsReproducerCleanup(InjectionLogFormat.Injection i) => i.Path.Contains("/" + KnownBugDirs.Removal, StringComparison.Ordinal);

    /// <summary>The injection's path is the share's root (the model logs paths relative to it).</summary>
    public static bool IsShareRoot(InjectionLogFormat.Injection i) => i.Path is "/" or "" or ".";

    /// <summary>The soak's windows from timeseries.csv and events.csv, or null when the folder is not a soak's.</summary>
    public static InjectionPhases? Of(string folder, IReadOnlyList<InjectionLogFormat.Injection> log)
    {
        var layout = new RunFolderLayout(folder);
        if (!File.Exists(layout.TimeSeries) || !File.Exists(layout.Events)) return null;
        var start = RunFormatCsv.Read<SoakEventRow>(layout.Events).FirstOrDefault(e => e.Kind == "soak_start");
        if (start is null) return null;
        var origin = DateTimeOffset.Parse(start.Utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) - TimeSpan.FromSeconds(start.TS);
        var windows = RunFormatCsv.Read<TimeSeriesRow>(layout.TimeSeries)
            .Select(r => new Window(r.Window, origin + TimeSpan.FromSeconds(r.StartS), origin + TimeSpan.FromSeconds(r.TS), r)).ToList();
        return new InjectionPhases(windows, log);
    }

    public Window? WindowOf(InjectionLogFormat.Injection i) => _windowOf.GetValueOrDefault(i);
    public string PhaseOf(InjectionLogFormat.Injection i) => _phaseOf[i];
    public bool InLoad(InjectionLogFormat.Injection i) => _windowOf.GetValueOrDefault(i) is not null;

    /// <summary>The failures the soak counted with one errno, over all its windows (timeseries.csv).</summary>
    public long Detected(string errnoName) =>
        Windows.Sum(w => w.Row.ErrnoCounts().Where(e => e.Errno == errnoName).Sum(e => e.Count));

    public IEnumerable<string> DetectedErrnos() =>
        Windows.SelectMany(w => w.Row.ErrnoCounts()).Select(e => e.Errno).Distinct();
}
