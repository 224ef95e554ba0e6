using FsBench.Host.Sampling;
using System.Globalization;

namespace FsBench.Host.Soak;

/// <summary>The soak's terminal output: a progress line every few seconds (and at once when a window had failures), events as they happen.</summary>
public sealed class SoakProgress(TimeSpan duration, TextWriter output)
{
    private double _lastPrinted = double.NegativeInfinity;
    public const double EverySeconds = 5;

    public void Window(TimeSeriesRow p, ClassTally tally, IReadOnlyList<ProcSample> processes, string activeFault)
    {
        bool eventful = p.Classes.Length > 0;
        if (!eventful && p.TS - _lastPrinted < EverySeconds) return;
        _lastPrinted = p.TS;
        string procs = string.Join(" ", processes.GroupBy(s => s.Role).Select(g => $"{g.Key}={g.Sum(s => s.OpenFds)}"));
        string counts = FormattableString.Invariant(
            $"soak {p.TS,6:0}s/{duration.TotalSeconds:0}s  ops {tally.Ops,9:N0}  failed {tally.FailedOps:N0} (mount {tally.Count(FailureClass.MountFailure)}, errors {tally.Count(FailureClass.OperationError)}, stalls {tally.Count(FailureClass.Stall)}, deviations {tally.Count(FailureClass.SemanticDeviation)})");
        string window = FormattableString.Invariant($"  window {p.Ops} ops p99 {p.P99Ms:0.#} ms lag {p.LagMs:0} ms");
        output.WriteLine(counts + window + (procs.Length > 0 ? $"  fds {procs}" : "") +
                         (activeFault.Length > 0 ? $"  [{activeFault}]" : "") + (eventful ? $"  <{p.Classes}>" : ""));
    }

    public void Event(SoakEvent e) =>
        output.WriteLine(FormattableString.Invariant($"soak {e.TS,6:0.0}s  {e.Kind} {e.Fault} {e.Detail}").TrimEnd());
}
