using FsBench.Host.Providers.Local;
using FsBench.Host.Providers.Podman;
using FsBench.Host.Study;

namespace FsBench.Host.Providers;

/// <summary>Every provider the study knows, in the order a run measures them (local first: every ratio is taken against it).</summary>
public static class ProviderCatalog
{
    private static readonly Dictionary<string, Func<IProvider>> Factories = new()
    {
        ["local"] = () => new LocalProvider(),
        ["podman"] = () => new PodmanProvider(),
        ["qemu-virtiofs"] = () => new Qemu.QemuProvider(Qemu.QemuTransport.VirtioFs),
        ["qemu-9p"] = () => new Qemu.QemuProvider(Qemu.QemuTransport.NineP),
        ["applehv"] = () => new Machine.PodmanMachineProvider("applehv"),
        ["libkrun"] = () => new Machine.PodmanMachineProvider("libkrun"),
    };

    public static IReadOnlyList<string> Names => Factories.Keys.ToList();

    public static IProvider Create(string name) =>
        Factories.TryGetValue(name, out var make) ? make()
            : Qemu.FaultModel.Split(name) is { } m ? WithFaultModel(m.Base, m.Model)
            : throw new StudyException($"unknown provider '{name}' (known: {string.Join(",", Names)}, and qemu-virtiofs+MODEL-model with a fault model of bench/faultmodel/models)");

    /// <summary>qemu-virtiofs+MODEL-model: a fault model inside the real virtiofsd (only that provider has a server to put it in).</summary>
    private static IProvider WithFaultModel(string baseName, string model) =>
        baseName == Qemu.QemuTransport.VirtioFs.ProviderName
            ? new Qemu.QemuProvider(Qemu.QemuTransport.VirtioFs, Qemu.FaultModel.Find(model))
            : throw new StudyException($"provider '{baseName}+{model}{Qemu.FaultModel.Suffix}': only {Qemu.QemuTransport.VirtioFs.ProviderName} takes a fault model");
}
