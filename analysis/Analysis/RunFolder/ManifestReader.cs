namespace Analysis.RunFolder;

public static class ManifestReader
{
    public static Manifest Read(string path)
    {
        var manifest = RunJson.Read<Manifest>(path);
        if (string.IsNullOrWhiteSpace(manifest.Status)) throw new BadInputException(path, "\"status\" is missing");
        if (string.IsNullOrWhiteSpace(manifest.Host.Hostname)) throw new BadInputException(path, "\"host.hostname\" is missing");
        return manifest;
    }
}
