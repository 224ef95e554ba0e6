namespace FsBench.Host.Soak;

/// <summary>
/// The soak's failure taxonomy: which class a failure lands in, and what one counted failure is. The rules are
/// applied in this order; the first that matches decides, so every failure lands in exactly one class.
/// </summary>
public static class Taxonomy
{
    public const string Rule =
        "1. mount_failure: the probe's channel died or did not answer within the hang timeout, a session could not be opened, " +
        "or the share's root did not answer (statx of the probe's root after a window returned an errno, e.g. ENOTCONN, ESTALE, EIO, ENOENT); " +
        "every op that failed in such a window belongs to the mount failure; one incident per unbroken run of such windows. " +
        "2. semantic_deviation: a known-bug reproducer run under load whose outcome differs from POSIX; one per deviating run. " +
        "3. operation_error: any other failed op (an errno, the root still answering); one per failed op. " +
        "4. stall: an op that succeeded but took longer than the stall threshold from its intended start, or a window the host " +
        "waited for longer than its length plus the threshold (a paused VM's clock does not see its pause); one incident per unbroken run " +
        "of such windows, the stalled ops counted beside it. A failed op is never also a stall. " +
        "5. What the soak's own faults provoked is counted apart, by fault (during_faults), not in these classes: the failed ops of a window " +
        "that overlaps a fault (from its start to its lift), and incidents that began in such a window (a lost channel or unanswering root " +
        "also within 10 s after the lift).";

    /// <summary>The class of one failed op, given the root check of its window (0 = the root answered).</summary>
    public static FailureClass OfFailedOp(int rootErrno) =>
        rootErrno != 0 ? FailureClass.MountFailure : FailureClass.OperationError;

    /// <summary>Whether a window counts as stalled: stalled ops inside it, or the host waited clearly longer than the window.</summary>
    public static bool IsStalledWindow(long stalledOps, double hostMs, double windowMs, double stallMs) =>
        stalledOps > 0 || hostMs > windowMs + stallMs;

    /// <summary>The 95% upper bound of a Poisson rate when nothing was seen: 3.0 / exposure (−ln 0.05 ≈ 2.996).</summary>
    public static double ZeroCountUpperBoundPerHour(double exposureHours) => exposureHours > 0 ? 3.0 / exposureHours : double.PositiveInfinity;
}
