namespace FsBench.Protocol;

/// <summary>
/// An operation the probe performs, and what a batch of it needs beyond a directory (<see cref="OpNeeds"/>). Each of the
/// probe's operations declares its own; the probe advertises them in its hello reply.
/// </summary>
public sealed record OpInfo
{
    public string Name { get; set; } = "";
    public string[] Needs { get; set; } = [];
    /// <summary>For an op on host-made files (<see cref="OpNeeds.HostFixtures"/>): the user.* attributes the host sets on each.</summary>
    public string[] FixtureXattrs { get; set; } = [];
    public bool Has(string need) => Needs.Contains(need);

    public static OpInfo Of(string name, params string[] needs) => new() { Name = name, Needs = needs };
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
