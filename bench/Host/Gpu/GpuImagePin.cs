namespace FsBench.Host.Gpu;

/// <summary>
/// The digest the GPU image is pinned to: bench/gpu-image.pin, one line `IMAGE@sha256:…` (comment lines start with #).
/// There is no network here to read the registry, so the first GPU probe on a machine that pulls the default image
/// writes the pin with the digest it pulled; commit the file, and every later run, on any Mac, uses that exact image.
/// FSBENCH_GPU_PIN names another pin file.
/// </summary>
public static class GpuImagePin
{
    public const string FileName = "gpu-image.pin";

    /// <summary>The pin file's path (it may not exist yet), or null outside a repository.</summary>
    public static string? PathHere() =>
        Environment.GetEnvironmentVariable("FSBENCH_GPU_PIN") is { Length: > 0 } env ? env
        : RepositoryPath.Find("run-bench.sh") is { } script ? Path.Combine(Path.GetDirectoryName(script)!, "bench", FileName) : null;

    /// <summary>The pinned reference of <paramref name="image"/> (IMAGE@sha256:…), or null when it is not pinned.</summary>
    public static string? Pinned(string image, string? pinFile = null)
    {
        pinFile ??= PathHere();
        if (pinFile is null || !File.Exists(pinFile)) return null;
        foreach (var raw in File.ReadAllLines(pinFile))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int at = line.IndexOf("@sha256:", StringComparison.Ordinal);
            if (at < 0) throw new Study.StudyException($"{pinFile}: '{line}' is not IMAGE@sha256:DIGEST");
            if (line[..at] == image) return line;
        }
        return null;
    }

    /// <summary>Writes the pin of <paramref name="image"/> when the file has none; returns the file written, or null.</summary>
    public static string? PinIfAbsent(string image, string digest, string? pinFile = null)
    {
        pinFile ??= PathHere();
        if (pinFile is null || Pinned(image, pinFile) is not null || !digest.StartsWith("sha256:", StringComparison.Ordinal)) return null;
        bool fresh = !File.Exists(pinFile);
        File.AppendAllLines(pinFile, [.. fresh ? new[] { "# The GPU probe's image, pinned by digest: written by the first probe that pulled it (commit this file)." } : [], $"{image}@{digest}"]);
        return pinFile;
    }
}
