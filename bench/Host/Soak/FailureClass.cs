namespace FsBench.Host.Soak;

/// <summary>The four classes every soak failure lands in (exactly one; see <see cref="Taxonomy"/>).</summary>
public enum FailureClass
{
    /// <summary>The share is gone or unusable, or the guest or the channel died: the runner's exit_code=4 / mount_failure.</summary>
    MountFailure,
    /// <summary>A known-bug reproducer saw something other than the POSIX outcome, under load.</summary>
    SemanticDeviation,
    /// <summary>An operation returned an errno, with the share's root still answering.</summary>
    OperationError,
    /// <summary>An operation succeeded but took longer than the stall threshold (from its intended start).</summary>
    Stall,
}

public static class FailureClasses
{
    public static readonly FailureClass[] All = [FailureClass.MountFailure, FailureClass.SemanticDeviation, FailureClass.OperationError, FailureClass.Stall];

    public static string Name(FailureClass c) => c switch
    {
        FailureClass.MountFailure => "mount_failure",
        FailureClass.SemanticDeviation => "semantic_deviation",
        FailureClass.OperationError => "operation_error",
        _ => "stall",
    };
}
