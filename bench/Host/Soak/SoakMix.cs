using FsBench.Host.Study;
using FsBench.Protocol;

namespace FsBench.Host.Soak;

/// <summary>The mix file (bench/soak-mix.json): a description and a weight per action. Copied into the run folder.</summary>
public sealed record SoakMix(Dictionary<string, int> Weights, MixFileContent Content)
{
    public const string DefaultFile = "bench/soak-mix.json";

    public static SoakMix Load(string path)
    {
        if (!File.Exists(path)) throw new StudyException($"mix file {path} not found (--mix; the default is {DefaultFile})");
        MixFileContent content;
        try { content = RunFormatJson.Read<MixFileContent>(path); }
        catch (RunFormatException e) { throw new StudyException($"mix file {e.Message}"); }
        var weights = content.Weights;
        if (weights.Count == 0) throw new StudyException($"mix file {path} has no \"weights\" object");
        if (weights.Keys.FirstOrDefault(k => !SoakActions.Names.Contains(k)) is { } bad)
            throw new StudyException($"mix file {path}: unknown action '{bad}' (known: {string.Join(",", SoakActions.Names)})");
        if (weights.Values.Any(v => v < 0) || weights.Values.All(v => v == 0))
            throw new StudyException($"mix file {path}: weights must be ≥ 0 and at least one positive");
        return new SoakMix(weights, content);
    }

    /// <summary>The default mix file: bench/soak-mix.json of the repository the host was built in, else of the current directory.</summary>
    public static string DefaultPath() => RepositoryPath.Find(DefaultFile) ?? Path.GetFullPath(DefaultFile);
}
