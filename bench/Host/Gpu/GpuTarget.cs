using FsBench.Host.Providers;
using FsBench.Host.Providers.Podman;

namespace FsBench.Host.Gpu;

/// <summary>
/// Where the GPU probe's commands run: on the host itself, or in a container given --device /dev/dri (of the local
/// podman, or on the study's podman machine). Each provider declares its own (<see cref="IProvider.GpuTarget"/>).
/// </summary>
public sealed record GpuTarget(string Provider, string Exe, List<string> Prefix, string Image)
{
    public const string DefaultMachineImage = "quay.io/slopezpa/fedora-vgpu-llama";

    /// <summary>The default image by its pinned digest (<see cref="GpuImagePin"/>), or by its tag until a first pull pins it.</summary>
    public static string DefaultMachineImageRef() => GpuImagePin.Pinned(DefaultMachineImage) ?? DefaultMachineImage;

    public bool InContainer => Exe == "podman";

    public static GpuTarget OnHost(string provider) => new(provider, "", [], "(host)");

    public static GpuTarget Container(string provider, PodmanCommands podman, string? volume) =>
        new(provider, "podman", [.. podman.Global(), "run", "--rm", "--device", "/dev/dri", .. (volume is null ? [] : new[] { "-v", volume }), podman.Image], podman.Image);

    public static GpuTarget For(string provider, string? image, string? volume) =>
        ProviderCatalog.Create(provider).GpuTarget(image, volume)
        ?? throw new Study.StudyException($"the GPU probe runs on {string.Join(", ", ProviderCatalog.Names.Where(n => ProviderCatalog.Create(n).GpuTarget(null, null) is not null))}, not '{provider}'");

    /// <summary>The command to run a program (and its arguments) on this target.</summary>
    public (string Exe, List<string> Args) Command(params string[] program) =>
        InContainer ? (Exe, [.. Prefix, .. program]) : (program[0], program[1..].ToList());
}
