namespace FsBench.Protocol;

/// <summary>An operation the probe performs, and what a batch of it needs beyond a directory (<see cref="OpNeeds"/>).</summary>
public sealed record OpInfo
{
    public string Name { get; set; } = "";
    public string[] Needs { get; set; } = [];
    public bool Has(string need) => Needs.Contains(need);
}

/// <summary>What an operation can need of the mount it runs on.</summary>
public static class OpNeeds
{
    /// <summary>The overlay's lower layer, writable by the probe (<see cref="ProbeRequest.LowerDir"/>).</summary>
    public const string LowerDir = "lower_dir";
    /// <summary>user.* extended attributes on the filesystem under test.</summary>
    public const string UserXattr = "user_xattr";
}

/// <summary>
/// The operations the probe performs, by name, with their needs: the one list. The probe's OperationCatalog implements
/// exactly these (a test checks) and advertises them in its hello reply.
/// </summary>
public static class ProbeOps
{
    /// <summary>The operation that needs a batch's lower layer (<see cref="ProbeRequest.LowerDir"/>).</summary>
    public const string CopyUp = "copyup";

    private static OpInfo Op(string name, params string[] needs) => new() { Name = name, Needs = needs };

    public static readonly OpInfo[] All =
    [
        Op("mkdir"), Op("rmdir"), Op("create"), Op("open"), Op("stat"),
        Op("getxattr", OpNeeds.UserXattr), Op("setxattr", OpNeeds.UserXattr), Op("listxattr", OpNeeds.UserXattr),
        Op("rename"), Op("unlink"), Op("link"), Op("symlink"), Op("readdir"),
        Op("chmod"), Op("utimens"), Op(CopyUp, OpNeeds.LowerDir),
    ];

    public static readonly string[] Names = All.Select(o => o.Name).ToArray();

    public static OpInfo? Find(string name) => All.FirstOrDefault(o => o.Name == name);
}
