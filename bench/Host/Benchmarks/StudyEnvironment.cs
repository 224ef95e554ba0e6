using BenchmarkDotNet.Jobs;
using FsBench.Host.Providers;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// How a case learns what to measure: each job carries environment variables (set in the process before the case by
/// <see cref="JobEnvironment"/>): the provider, the repetition and the run folder (which holds the settings the host wrote).
/// </summary>
public static class StudyEnvironment
{
    public const string ProviderVar = "FSBENCH_PROVIDER";
    public const string RunDirVar = "FSBENCH_RUN_DIR";
    /// <summary>The repetition (0-based) a job's launch belongs to.</summary>
    public const string RepetitionVar = "FSBENCH_REPETITION";

    public static int Repetition() =>
        int.TryParse(Environment.GetEnvironmentVariable(RepetitionVar), out int r) && r >= 0 ? r : 0;

    public static int RepetitionOf(Job job) =>
        int.TryParse(job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == RepetitionVar)?.Value, out int r) ? r : 0;

    public static RunFolder Folder() =>
        RunFolder.Open(Environment.GetEnvironmentVariable(RunDirVar)
                       ?? throw new StudyException($"{RunDirVar} is not set: benchmarks run through ./run-bench.sh"));

    public static StudySettings Settings() => Folder().ReadSettings();

    public static ProviderContext Context(RunFolder folder, StudySettings s) =>
        new(Path.GetFileName(folder.Dir), folder.StateDir, s.ScratchDir, s.ProbePath, TimeSpan.FromSeconds(s.BatchTimeoutSeconds));

    public static string ProviderOf(Job job) =>
        job.Environment.EnvironmentVariables?.FirstOrDefault(v => v.Key == ProviderVar)?.Value ?? job.Id;
}
