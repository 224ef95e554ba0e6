using System.Globalization;
using System.Text.Json;

namespace Analysis.Cases;

/// <summary>
/// The operational cost a provider's start recorded in the manifest (results/README.md, providers[].settings):
/// guest build, VMM launch, file-server start and boot for the QEMU guests; image pull, machine init, first start,
/// stop and warm start for the podman machines. Values in seconds; steps a run did not measure are absent.
/// </summary>
public static class OperationalCost
{
    /// <summary>Manifest setting keys and what the memo calls them, in the order a user meets them.</summary>
    public static readonly (string Key, string Step)[] Steps =
    [
        ("guest_build_seconds", "guest build"),
        ("image_pull_s", "image pull"),
        ("init_s", "machine init"),
        ("qemu_launch_seconds", "VMM launch"),
        ("virtiofsd_start_seconds", "file-server start"),
        ("boot_seconds", "boot to ready"),
        ("first_start_s", "first start"),
        ("stop_s", "stop"),
        ("warm_start_s", "warm start"),
    ];

    public sealed record Row(string Provider, string Step, double Seconds);

    public static IReadOnlyList<Row> Of(BenchManifest manifest) =>
        (from p in manifest.Providers.Where(p => p.Available)
         from s in Steps
         where p.Settings.TryGetValue(s.Key, out var v) && Number(v) is not null
         select new Row(p.Name, s.Step, Number(p.Settings[s.Key])!.Value)).ToList();

    private static double? Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => null,
    };
}
