namespace FsBench.Host.Soak;

/// <summary>
/// What happened when: a row of events.csv (<see cref="SoakEventRow"/>). Kinds: soak_start, soak_end, fault_start,
/// fault_end, fault_not_applied, fault_error, mount_failure, session_restart, recovered, knownbugs (a pass under load), note.
/// </summary>
public sealed record SoakEvent(double TS, DateTime Utc, string Kind, string Fault, string Detail)
{
    public SoakEventRow ToRow() => new()
    {
        TS = Math.Round(TS, 3), Utc = Utc.ToString("o"), Kind = Kind, Fault = Fault, Detail = Detail.Replace('\n', ' '),
    };
}
