namespace FsBench.Protocol;

/// <summary>The operations the probe performs, by name (the probe's OperationCatalog must list the same; a test checks).</summary>
public static class ProbeOps
{
    /// <summary>The operation that needs a batch's lower layer (<see cref="ProbeRequest.LowerDir"/>).</summary>
    public const string CopyUp = "copyup";

    public static readonly string[] Names =
    [
        "mkdir", "rmdir", "create", "open", "stat", "getxattr", "setxattr", "listxattr",
        "rename", "unlink", "link", "symlink", "readdir", "chmod", "utimens", "copyup",
    ];
}
