using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;
using FsBench.Host.Providers;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// The BenchmarkDotNet configuration of a run: one job per provider and repetition (its environment variables say which,
/// <see cref="JobEnvironment"/>), the probe's metrics and errno column, and the exports the run folder keeps (full JSON,
/// numeric CSV, GitHub markdown).
/// </summary>
public static class StudyConfig
{
    /// <summary>
    /// Cases run in the host process. What a launch measures is the probe: each case and repetition opens a new probe
    /// process (in a freshly booted guest with --fresh-guest), timed inside the guest. A BenchmarkDotNet process per launch
    /// measured nothing of that and cost about 1 s of each of a standard run's ~900 launches (and a ~45 s build). The
    /// timeout is the study's own: a stalled batch ends at the batch timeout, never at BenchmarkDotNet's 5 minutes.
    /// </summary>
    public static readonly IToolchain Toolchain = new InProcessEmitToolchain(TimeSpan.FromHours(24), logOutput: true);

    /// <summary>
    /// The configuration of the whole run: a job per provider and repetition, in one BenchmarkDotNet run (one build),
    /// ordered by <see cref="RepetitionOrderer"/>; <paramref name="switcher"/> starts and stops exclusive providers,
    /// <paramref name="rebooter"/> (--fresh-guest) boots the shared guests anew for each repetition.
    /// </summary>
    public static IConfig Create(RunFolder folder, StudySettings settings, IReadOnlyList<IProvider> providers,
        IReadOnlyList<Repetition>? plan = null, ExclusiveSwitcher? switcher = null, FreshGuestRebooter? rebooter = null)
    {
        // Without a plan: one repetition, the providers in the order given.
        var names = providers.Select(p => p.Name).ToArray();
        plan ??= [new Repetition(0, names, [new RepetitionSegment(names, Exclusive: false)])];
        var config = ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(JsonExporter.Full, NumericCsvExporter.Instance, MarkdownExporter.GitHub)
            .AddDiagnoser(new JobEnvironment(), new ProbeDiagnoser(folder))
            .AddColumn(new ErrnoColumn(folder))
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .HideColumns("EnvironmentVariables", "Method")
            .WithOrderer(new RepetitionOrderer(plan))
            .WithArtifactsPath(folder.BdnDir)
            .WithBuildTimeout(TimeSpan.FromMinutes(10));
        if (switcher is not null) config.AddDiagnoser(switcher);
        if (rebooter is not null) config.AddDiagnoser(rebooter);

        foreach (var repetition in plan)
        foreach (var p in repetition.Order)
            config.AddJob(JobFor(p, folder, settings, repetition.Index));

        var byName = providers.ToDictionary(p => p.Name);
        return config.AddFilter(new SimpleFilter(bc =>
            byName.TryGetValue(StudyEnvironment.ProviderOf(bc.Job), out var p) && Applies(p, (string)bc.Parameters["Op"], (string)bc.Parameters["Mount"])));
    }

    /// <summary>Whether a provider measures an operation behind a mount mode: what the provider declares.</summary>
    public static bool Applies(IProvider p, string op, string mount) => p.WhyNotSupported(op, mount) is null;

    public static Job JobFor(string provider, RunFolder folder, StudySettings s, int repetition = 0) =>
        Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(s.Warmup)
            .WithIterationCount(s.Iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(Toolchain)
            .WithEnvironmentVariables(
                new EnvironmentVariable(StudyEnvironment.ProviderVar, provider),
                new EnvironmentVariable(StudyEnvironment.RunDirVar, folder.Dir),
                new EnvironmentVariable(StudyEnvironment.RepetitionVar, repetition.ToString(CultureInfo.InvariantCulture)))
            .WithId(s.Repetitions > 1 ? $"{provider}-r{repetition + 1}" : provider);
}

/// <summary>A CSV with plain invariant numbers in ns (no units in the cells), beside BenchmarkDotNet's display CSV.</summary>
public sealed class NumericCsvExporter : CsvExporter
{
    public static readonly NumericCsvExporter Instance = new();

    private NumericCsvExporter() : base(CsvSeparator.Comma,
        new SummaryStyle(CultureInfo.InvariantCulture, printUnitsInHeader: true, sizeUnit: SizeUnit.B,
            timeUnit: TimeUnit.Nanosecond, printUnitsInContent: false)) { }

    protected override string FileExtension => "csv";
    protected override string FileNameSuffix => "-numeric";
}
