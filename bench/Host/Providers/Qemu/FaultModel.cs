using System.Security.Cryptography;
using FsBench.Host.Study;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// A fault model of a macOS virtio-fs server (bench/faultmodel/models/&lt;name&gt;.json), applied inside the real
/// virtiofsd of qemu-virtiofs by a preloaded library (bench/faultmodel, built into .cache/faultmodel by the set-up).
/// A model is a property of a provider instance: qemu-virtiofs+&lt;name&gt;-model. It is a test instrument, never a
/// measurement of applehv or libkrun: every name, label and manifest entry says "fault model".
/// </summary>
public sealed record FaultModel(string Name, string File)
{
    public const string Suffix = "-model";
    public const string LibraryName = "libfsbench-faultmodel.so";

    /// <summary>"qemu-virtiofs+avf-model" → ("qemu-virtiofs", "avf"); null when the name carries no model.</summary>
    public static (string Base, string Model)? Split(string provider)
    {
        int plus = provider.IndexOf('+');
        if (plus <= 0 || !provider.EndsWith(Suffix, StringComparison.Ordinal)) return null;
        string model = provider[(plus + 1)..^Suffix.Length];
        return model.Length == 0 ? null : (provider[..plus], model);
    }

    public static string ProviderName(string baseName, string model) => $"{baseName}+{model}{Suffix}";

    /// <summary>The shipped model of that name (bench/faultmodel/models/NAME.json), or a one-line error.</summary>
    public static FaultModel Find(string name)
    {
        string dir = ModelsDir() ?? throw new StudyException("bench/faultmodel/models was not found above the host binaries (run from the repository)");
        string file = Path.Combine(dir, name + ".json");
        if (!System.IO.File.Exists(file))
        {
            var known = Directory.EnumerateFiles(dir, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order();
            throw new StudyException($"unknown fault model '{name}' (known: {string.Join(",", known)}; files in {dir})");
        }
        return new FaultModel(name, file);
    }

    /// <summary>bench/faultmodel/models, or FSBENCH_FAULT_MODELS (a folder of model files: the tests use their own).</summary>
    public static string? ModelsDir() =>
        Environment.GetEnvironmentVariable("FSBENCH_FAULT_MODELS") is { Length: > 0 } d ? d : RepositoryPath.Find(Path.Combine("bench", "faultmodel", "models"));

    /// <summary>The built library, or null (./run-bench.sh setup builds it with make).</summary>
    public static string? Library()
    {
        string? root = RepositoryPath.Find(".cache");
        string? lib = root is null ? null : Path.Combine(root, "faultmodel", LibraryName);
        return Environment.GetEnvironmentVariable("FSBENCH_FAULTMODEL_LIB") is { Length: > 0 } env ? env
            : lib is not null && System.IO.File.Exists(lib) ? lib : null;
    }

    public string Sha256() => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(File))).ToLowerInvariant();

    /// <summary>Where the model's files go in a run folder: faultmodel/&lt;provider&gt;.json (a copy) and .injections.csv.</summary>
    public static string RunDir(ProviderContext ctx) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ctx.StateDir))!, "faultmodel");
    public static string InjectionLog(ProviderContext ctx, string provider) => Path.Combine(RunDir(ctx), provider + InjectionLogFormat.Suffix);
}
