using FsBench.Host.Providers;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Providers.Podman;

namespace FsBench.Host.Gpu;

/// <summary>
/// Where the GPU probe's commands run: on the host itself (local), in a container of the local podman, or in a
/// container on the study's podman machine (applehv, libkrun), each container given --device /dev/dri.
/// </summary>
public sealed record GpuTarget(string Provider, string Exe, List<string> Prefix, string Image)
{
    public const string DefaultMachineImage = "quay.io/slopezpa/fedora-vgpu-llama";

    public bool InContainer => Exe == "podman";

    public static GpuTarget For(string provider, string? image, string? volume)
    {
        string img = image ?? (provider == "podman" ? PodmanImage.DefaultName : DefaultMachineImage);
        List<string> Run(PodmanCommands c) =>
            [.. c.Global(), "run", "--rm", "--device", "/dev/dri", .. (volume is null ? [] : new[] { "-v", volume }), img];
        return provider switch
        {
            "local" => new GpuTarget(provider, "", [], "(host)"),
            "podman" => new GpuTarget(provider, "podman", Run(new PodmanCommands(img, OperatingSystem.IsLinux() && Tool.OnPath("runc"), "gpu")), img),
            "applehv" or "libkrun" => new GpuTarget(provider, "podman",
                Run(new PodmanCommands(img, false, "gpu", MachineCommands.MachineNameFor(provider))), img),
            _ => throw new Study.StudyException($"the GPU probe runs on local, podman, applehv or libkrun, not '{provider}'"),
        };
    }

    /// <summary>The command to run a program (and its arguments) on this target.</summary>
    public (string Exe, List<string> Args) Command(params string[] program) =>
        InContainer ? (Exe, [.. Prefix, .. program]) : (program[0], program[1..].ToList());
}
