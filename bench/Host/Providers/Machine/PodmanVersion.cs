namespace FsBench.Host.Providers.Machine;

/// <summary>A podman version ("5.2.1", "6.0.0-dev"), compared by major and minor.</summary>
public sealed record PodmanVersion(int Major, int Minor, int Patch, string Text)
{
    public static PodmanVersion? Parse(string text)
    {
        string t = text.Trim();
        if (t.StartsWith("podman version ", StringComparison.Ordinal)) t = t["podman version ".Length..];
        var parts = t.Split('-', '+')[0].Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], out int major) || !int.TryParse(parts[1], out int minor)) return null;
        int patch = parts.Length > 2 && int.TryParse(parts[2], out int p) ? p : 0;
        return new PodmanVersion(major, minor, patch, t);
    }

    public bool AtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

    /// <summary>Podman 6 added `podman machine init --provider`; before, CONTAINERS_MACHINE_PROVIDER chooses.</summary>
    public bool HasProviderFlag => AtLeast(6, 0);

    public override string ToString() => Text;
}
