using System.Globalization;
using System.Text.Json;

namespace FsBench.RunFormat;

/// <summary>One timed start-up step: the manifest setting it is written under (providers[].settings) and the memo's name for it.</summary>
public sealed record StartupStep(string SettingKey, string Name);

/// <summary>One provider's time for one start-up step, in seconds.</summary>
public sealed record StartupCostRow(string Provider, string Step, double Seconds);

/// <summary>
/// The operational cost a provider's start records in the manifest, declared once for the providers that write it and the
/// analysis that reads it: guest build, VMM launch, file-server start and boot for the QEMU guests; image pull, machine
/// init, first start, stop and warm start for the podman machines. Steps a run did not measure are absent; a value
/// that is not a number ("reused") is not a time.
/// </summary>
public static class StartupCosts
{
    public static readonly StartupStep GuestBuild = new("guest_build_seconds", "guest build");
    public static readonly StartupStep ImagePull = new("image_pull_s", "image pull");
    public static readonly StartupStep MachineInit = new("init_s", "machine init");
    public static readonly StartupStep VmmLaunch = new("qemu_launch_seconds", "VMM launch");
    public static readonly StartupStep FileServerStart = new("virtiofsd_start_seconds", "file-server start");
    public static readonly StartupStep Boot = new("boot_seconds", "boot to ready");
    public static readonly StartupStep FirstStart = new("first_start_s", "first start");
    public static readonly StartupStep Stop = new("stop_s", "stop");
    public static readonly StartupStep WarmStart = new("warm_start_s", "warm start");

    /// <summary>Every step, in the order a user meets them.</summary>
    public static readonly IReadOnlyList<StartupStep> Steps =
        [GuestBuild, ImagePull, MachineInit, VmmLaunch, FileServerStart, Boot, FirstStart, Stop, WarmStart];

    /// <summary>Seconds as the providers write them into their settings: invariant, two decimals.</summary>
    public static string Format(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The timed steps of the run's available providers, in the order of <see cref="Steps"/>.</summary>
    public static IReadOnlyList<StartupCostRow> Of(BenchManifest manifest) =>
        (from p in manifest.Providers.Where(p => p.Available)
         from s in Steps
         where p.Settings.TryGetValue(s.SettingKey, out var v) && Number(v) is not null
         select new StartupCostRow(p.Name, s.Name, Number(p.Settings[s.SettingKey])!.Value)).ToList();

    private static double? Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => null,
    };
}
