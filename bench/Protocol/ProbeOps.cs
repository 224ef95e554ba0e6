namespace FsBench.Protocol;

/// <summary>An operation the probe performs, and what a batch of it needs beyond a directory (<see cref="OpNeeds"/>).</summary>
public sealed record OpInfo
{
    public string Name { get; set; } = "";
    public string[] Needs { get; set; } = [];
    /// <summary>For an op on host-made files (<see cref="OpNeeds.HostFixtures"/>): the user.* attributes the host sets on each.</summary>
    public string[] FixtureXattrs { get; set; } = [];
    public bool Has(string need) => Needs.Contains(need);
}

/// <summary>What an operation can need of the mount it runs on.</summary>
public static class OpNeeds
{
    /// <summary>The overlay's lower layer, writable by the probe (<see cref="ProbeRequest.LowerDir"/>).</summary>
    public const string LowerDir = "lower_dir";
    /// <summary>user.* extended attributes on the filesystem under test.</summary>
    public const string UserXattr = "user_xattr";
    /// <summary>
    /// Files the host creates directly in the share just before the batch, so the guest holds no cache of them (the cold
    /// ops: every access reaches the file server). Named by <see cref="HostFixtures"/>; <see cref="ProbeRequest.FixtureDir"/>.
    /// </summary>
    public const string HostFixtures = "host_fixtures";
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

    /// <summary>The cold variant of an op on existing files: on files the host made in the share after the guest last looked.</summary>
    private static OpInfo Cold(string name, params string[] xattrs) => new()
    {
        Name = name, FixtureXattrs = xattrs,
        Needs = xattrs.Length > 0 ? [OpNeeds.HostFixtures, OpNeeds.UserXattr] : [OpNeeds.HostFixtures],
    };

    public static readonly OpInfo[] All =
    [
        Op("mkdir"), Op("rmdir"), Op("create"), Op("open"), Op("stat"),
        Op("getxattr", OpNeeds.UserXattr), Op("setxattr", OpNeeds.UserXattr), Op("listxattr", OpNeeds.UserXattr),
        Op("rename"), Op("unlink"), Op("link"), Op("symlink"), Op("readdir"),
        Op("chmod"), Op("utimens"), Op(CopyUp, OpNeeds.LowerDir),
        Cold("stat_cold"), Cold("open_cold"), Cold("getxattr_cold", HostFixtures.GetXattrName),
        Cold("listxattr_cold", HostFixtures.ListXattrNames), Cold("chmod_cold"), Cold("utimens_cold"),
    ];

    public static readonly string[] Names = All.Select(o => o.Name).ToArray();

    public static OpInfo? Find(string name) => All.FirstOrDefault(o => o.Name == name);
}
