namespace FsBench.RunFormat;

/// <summary>
/// Reads manifest.json: first its head (kind and format version), so a folder of the wrong kind or a newer version
/// gets an error that says so, then the whole manifest of the expected kind. Format version 1 (no
/// <c>format_version</c>; no <c>kind</c> in a benchmark run) is read as well.
/// </summary>
public static class ManifestReader
{
    public static ManifestHead ReadHead(string runDir)
    {
        string path = new RunFolderLayout(runDir).Manifest;
        if (!Directory.Exists(runDir)) throw new RunFormatException(runDir, "run folder is missing");
        var head = RunFormatJson.Read<ManifestHead>(path);
        if (head.Version > ManifestFormat.Current)
            throw new RunFormatException(path, $"format_version {head.Version} is newer than this build reads (up to {ManifestFormat.Current}): update the analysis");
        if (head.Version < ManifestFormat.First)
            throw new RunFormatException(path, $"format_version {head.Version} is not a version of the run format");
        if (string.IsNullOrWhiteSpace(head.Status)) throw new RunFormatException(path, "\"status\" is missing");
        return head;
    }

    public static BenchManifest ReadBench(string runDir) => Read<BenchManifest>(runDir, RunKinds.Bench);

    public static SoakManifest ReadSoak(string runDir) => Read<SoakManifest>(runDir, RunKinds.Soak);

    public static FaultRunManifest ReadFault(string runDir)
    {
        var head = ReadHead(runDir);
        string path = new RunFolderLayout(runDir).Manifest;
        if (head.KindOrDefault != RunKinds.Fault)
            throw new RunFormatException(path, $"is a {Describe(head.KindOrDefault)}'s manifest, not a {Describe(RunKinds.Fault)}'s");
        return RunFormatJson.Read<FaultRunManifest>(path);
    }

    private static T Read<T>(string runDir, string kind) where T : RunManifest
    {
        var head = ReadHead(runDir);
        string path = new RunFolderLayout(runDir).Manifest;
        if (head.KindOrDefault != kind)
            throw new RunFormatException(path, $"is a {Describe(head.KindOrDefault)}'s manifest, not a {Describe(kind)}'s");
        var manifest = RunFormatJson.Read<T>(path);
        if (string.IsNullOrWhiteSpace(manifest.Host.Hostname)) throw new RunFormatException(path, "\"host.hostname\" is missing");
        return manifest;
    }

    public static string Describe(string kind) => kind switch
    {
        RunKinds.Bench => "benchmark run",
        RunKinds.Soak => "soak run",
        RunKinds.Fault => "fault folder",
        _ => $"{kind} run",
    };
}
