using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// Cases run in the host process (<see cref="StudyConfig.Toolchain"/>), where BenchmarkDotNet does not apply a job's
/// environment variables: before each case (its BeforeAnythingElse signal, ahead of GlobalSetup) this sets the ones its
/// job carries (<see cref="StudyEnvironment"/>: the provider, the run folder, the repetition) in the process.
/// </summary>
public sealed class JobEnvironment() : HostDiagnoser("FsJobEnvironment")
{
    public override void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        if (signal != HostSignal.BeforeAnythingElse) return;
        foreach (var v in parameters.BenchmarkCase.Job.Environment.EnvironmentVariables ?? [])
            Environment.SetEnvironmentVariable(v.Key, v.Value);
    }
}
