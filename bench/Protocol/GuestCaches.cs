namespace FsBench.Protocol;

/// <summary>The guest's dentry and inode caches, dropped at a case's end in a guest the study owns (<see cref="ProbeRequest.DropCaches"/>).</summary>
public static class GuestCaches
{
    public const string DropCachesFile = "/proc/sys/vm/drop_caches";
    /// <summary>What the probe's cleanup reply says when it dropped them.</summary>
    public const string Dropped = "dropped the guest's dentry and inode caches";
}
