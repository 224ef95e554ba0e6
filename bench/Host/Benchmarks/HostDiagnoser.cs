using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// A BenchmarkDotNet diagnoser that runs in the host and adds no overhead to what the probe measures: it reacts to
/// the host's signals (<see cref="Handle"/>) or turns what a case wrote into metrics (<see cref="ProcessResults"/>);
/// it exports, analyses, validates and displays nothing of its own.
/// </summary>
public abstract class HostDiagnoser(string id) : IDiagnoser
{
    public IEnumerable<string> Ids => [id];
    public IEnumerable<IExporter> Exporters => [];
    public IEnumerable<IAnalyser> Analysers => [];
    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;
    public virtual void Handle(HostSignal signal, DiagnoserActionParameters parameters) { }
    public void DisplayResults(ILogger logger) { }
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];
    public virtual IEnumerable<Metric> ProcessResults(DiagnoserResults results) => [];
}
