namespace FsBench.Protocol;

/// <summary>The operations the probe performs, by name (the probe's OperationCatalog must list the same; a test checks).</summary>
public static class ProbeOps
{
    public static readonly string[] Names =
    [
        "mkdir", "rmdir", "create", "open", "stat", "getxattr", "setxattr", "listxattr",
        "rename", "unlink", "link", "symlink", "readdir", "chmod", "utimens",
    ];
}
