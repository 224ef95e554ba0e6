namespace FsBench.Protocol;

/// <summary>
/// The names of a known-bug reproducer's directories in the share, which the host reads back from a fault model's
/// injection log: a run checks in <see cref="Run"/>NAME-PASS.RUN; once its check is over the directory is renamed to
/// <see cref="Removal"/>NAME-PASS.RUN and removed, so an injection during its removal (a post-freeze window can fail its
/// opens) is the reproducer's clean-up, not its outcome.
/// </summary>
public static class KnownBugDirs
{
    public const string Run = "kb-";
    public const string Removal = "kbrm-";
}
