using FsBench.Host.Providers;
using FsBench.Host.Providers.Machine;

namespace FsBench.Host.Commands;

/// <summary>What this machine can run: every provider in the catalog, and for the others the reason and remedy.</summary>
public static class DoctorReport
{
    public sealed record Row(string Provider, string? Reason)
    {
        public bool Available => Reason is null;
        public override string ToString() => $"{Provider,-14} {(Available ? "available" : "unavailable: " + Reason)}";
    }

    public static async Task<List<Row>> ProvidersAsync(CancellationToken ct)
    {
        var rows = new List<Row>();
        foreach (var name in ProviderCatalog.Names)
        {
            string? reason;
            try { reason = await ProviderCatalog.Create(name).UnavailableReasonAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { reason = $"check failed: {e.Message}"; }
            rows.Add(new Row(name, reason));
        }
        return rows;
    }

    /// <summary>The podman machine side: podman's version and origin, which provider is in effect and why, the helpers.</summary>
    public static async Task<List<string>> MachineNotesAsync(CancellationToken ct)
    {
        var host = HostPlatform.Current();
        if (host is not (HostKind.MacAppleSilicon or HostKind.MacIntel))
            return [$"podman machine: the applehv and libkrun providers need macOS ({host} here); see docs/mac.md to run them on a Mac"];

        var notes = new List<string>();
        var cli = new PodmanCli();
        var version = await cli.VersionAsync(ct);
        string? podmanPath = OnPath("podman");
        string? buildOrigin = version is null ? null
            : (await Tool.RunAsync("podman", ["version", "--format", "{{.Client.BuildOrigin}}"], ct, TimeSpan.FromSeconds(20))).StandardOutput.Trim();
        var origin = ProviderSelection.OriginOf(buildOrigin, podmanPath is null ? null : ResolveLink(podmanPath));
        notes.Add($"podman: {(version is null ? "not installed (brew install podman, or the pkg installer from podman.io)" : $"{version} at {podmanPath} ({origin})")}");

        string? conf = ProviderSelection.ConfPaths().Where(File.Exists).Select(File.ReadAllText)
            .FirstOrDefault(t => ProviderSelection.ConfProvider(t) is not null);
        var choice = ProviderSelection.Effective(Environment.GetEnvironmentVariable(MachineCommands.ProviderVar), conf, version, origin);
        notes.Add($"default machine provider in effect: {choice.Provider} (from {choice.Source})");
        notes.Add("note: Homebrew's podman defaults to applehv and ships no krunkit; the pkg installer (Podman 6) defaults to libkrun and bundles krunkit;"
                  + $" {MachineCommands.ProviderVar} overrides containers.conf [machine] provider. The study names its provider explicitly either way.");
        foreach (var helper in new[] { "vfkit", "krunkit" })
        {
            string? path = HelperBinary.Find(helper);
            notes.Add(path is null ? $"{helper}: not found" : $"{helper}: {await HelperBinary.VersionAsync(path, ct)} at {path}");
        }
        if (host == HostKind.MacIntel) notes.Add("Intel Mac: libkrun is not supported on Intel based machines; only applehv can be measured");
        return notes;
    }

    private static string? OnPath(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
