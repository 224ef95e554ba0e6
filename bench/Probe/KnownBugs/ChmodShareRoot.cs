namespace FsBench.Probe.KnownBugs;

/// <summary>
/// chmod of the share's root (the directory the probe works in, as mounted): under AVF it returns EPERM
/// (siderolabs/talos#14058). The mode is restored afterwards.
/// </summary>
public sealed class ChmodShareRoot() : KnownBugProbe("chmod_share_root",
    "chmod of the share's root to 0775 succeeds and stat shows it, then back (talos#14058)")
{
    /// <summary>
    /// The mount under test: the runner checks in &lt;mount&gt;/fsprobe-…/kb-…, so the grandparent of a check's directory
    /// inside a probe session directory; anywhere else the check's own directory (never a directory the probe did not get).
    /// </summary>
    public static string MountOf(string dir)
    {
        string? session = Path.GetDirectoryName(dir);
        return session is not null && Path.GetFileName(session).StartsWith("fsprobe-", StringComparison.Ordinal)
            ? Path.GetDirectoryName(session) ?? dir : dir;
    }

    public override string? Check(string dir)
    {
        string root = MountOf(dir);
        var before = Observe.Stat(root, out var err);
        if (before is null) return $"stat root: {err}";
        uint original = before.Value.Mode & 0xfffu;
        uint target = original == 0x1fdu ? 0x1edu : 0x1fdu;   // 0775, or 0755 when it is 0775 already
        // One chmod of the root per run, and the restore only after it succeeded: a fault model's injection log then has
        // exactly one root chmod per run it failed (the reconciliation counts them so).
        if (Native.Chmod(root, target) != 0) return $"chmod root: {Observe.Err()}";
        try
        {
            var after = Observe.Stat(root, out err);
            if (after is null) return $"stat root after chmod: {err}";
            return (after.Value.Mode & 0xfffu) == target ? null : $"root mode {Convert.ToString(after.Value.Mode & 0xfff, 8)} after chmod, expected {Convert.ToString(target, 8)}";
        }
        finally { Native.Chmod(root, original); }
    }
}
