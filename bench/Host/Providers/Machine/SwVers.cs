namespace FsBench.Host.Providers.Machine;

/// <summary>`sw_vers` on macOS: "ProductName:\t\tmacOS", "ProductVersion:\t\t26.1", "BuildVersion:\t\t25B78".</summary>
public sealed record SwVers(string ProductName, string ProductVersion, string BuildVersion)
{
    public static SwVers? Parse(string output)
    {
        var fields = output.Split('\n')
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        return fields.TryGetValue("ProductVersion", out var v) && fields.TryGetValue("BuildVersion", out var b)
            ? new SwVers(fields.GetValueOrDefault("ProductName") ?? "macOS", v, b) : null;
    }

    public int Major => int.TryParse(ProductVersion.Split('.')[0], out int m) ? m : 0;

    public override string ToString() => $"{ProductName} {ProductVersion} ({BuildVersion})";
}
