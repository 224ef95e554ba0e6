namespace FsBench.Host.Providers.Machine;

/// <summary>
/// Samples one machine's VMM processes every few seconds for the whole run, in the host process (it lives while
/// BenchmarkDotNet's children measure), into state/vmm-&lt;provider&gt;.csv.
/// </summary>
public sealed class VmmMonitor(string csvPath, string helper, string machine, TimeSpan every) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    public int MaxOpenFds { get; private set; } = -1;

    public static TimeSpan IntervalFromEnvironment() =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("FSBENCH_VMM_SAMPLE_SECONDS"), out int s) && s > 0 ? s : 30);

    public void Start()
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                await SampleOnceAsync(_stop.Token);
                try { await Task.Delay(every, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public async Task<List<VmmSample>> SampleOnceAsync(CancellationToken ct)
    {
        var samples = new List<VmmSample>();
        try
        {
            foreach (var p in ProcessTable.VmmOf(await ProcessTable.ListAsync(ct), helper, machine))
                if (await VmmSampler.SampleAsync(p, ct) is { } s) samples.Add(s);
        }
        catch (Exception e) when (e is Study.StudyException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            return samples;   // a missed sample is a gap in the CSV, not a failed run
        }
        foreach (var s in samples) MaxOpenFds = Math.Max(MaxOpenFds, s.OpenFds);
        if (!File.Exists(csvPath)) File.WriteAllText(csvPath, VmmSample.CsvHeader + "\n");
        File.AppendAllLines(csvPath, samples.Select(s => s.ToCsv()));
        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
