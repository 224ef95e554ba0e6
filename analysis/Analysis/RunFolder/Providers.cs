namespace Analysis.RunFolder;

/// <summary>The providers the study knows, in the order tables and legends list them.</summary>
public static class Providers
{
    public const string Local = "local";
    public const string AppleHv = "applehv";
    public const string Libkrun = "libkrun";

    public static readonly string[] Known = [Local, "podman", "qemu-virtiofs", "qemu-9p", AppleHv, Libkrun];

    /// <summary>A provider instance with a fault model (qemu-virtiofs+avf-model): a test instrument, never a measurement of applehv or libkrun.</summary>
    public static bool IsFaultModel(string provider) => provider.Contains('+') && provider.EndsWith("-model", StringComparison.Ordinal);

    /// <summary>How figures and tables name a provider: a fault model says so.</summary>
    public static string Label(string provider) => IsFaultModel(provider) ? $"{provider} (fault model)" : provider;

    /// <summary>
    /// <see cref="Label"/> on lines narrow enough for a category axis: a fault model's server, its model and "(fault model)"
    /// each on their own line (on one line, neighbouring labels ran into each other).
    /// </summary>
    public static string AxisLabel(string provider) =>
        IsFaultModel(provider) ? $"{provider.Replace("+", "\n+")}\n(fault model)" : provider;

    /// <summary>Known providers first, in study order; unknown ones after them.</summary>
    public static int Order(string provider)
    {
        int i = Array.IndexOf(Known, provider);
        return i >= 0 ? i : Known.Length;
    }
}
