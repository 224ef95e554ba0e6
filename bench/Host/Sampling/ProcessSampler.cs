using FsBench.Host.Providers;

namespace FsBench.Host.Sampling;

/// <summary>
/// Samples a provider's host processes once per <paramref name="every"/> until disposed, handing each round to
/// <paramref name="sink"/> (the soak appends them to vmm.csv). The list of processes is asked for again every ten
/// rounds, and whenever one has gone, so restarts are followed. A missed sample is a gap, never a failed run.
/// </summary>
public sealed class ProcessSampler(
    Func<CancellationToken, Task<IReadOnlyList<SampledProcess>>> find, Func<double> clockSeconds, Action<IReadOnlyList<ProcSample>> sink,
    TimeSpan every, IProcessReader? reader = null) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly IProcessReader _reader = reader ?? IProcessReader.ForThisHost();
    private Task? _loop;
    private IReadOnlyList<SampledProcess> _processes = [];
    public IReadOnlyList<ProcSample> Last { get; private set; } = [];

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>One round: finds the processes if needed and reads each; returns what it read.</summary>
    public async Task<IReadOnlyList<ProcSample>> SampleOnceAsync(bool findAgain, CancellationToken ct)
    {
        if (findAgain || _processes.Count == 0) _processes = await find(ct);
        var samples = new List<ProcSample>();
        foreach (var p in _processes)
            if (await _reader.ReadAsync(p, clockSeconds(), ct) is { } s) samples.Add(s);
        Last = samples;
        sink(samples);
        return samples;
    }

    private async Task LoopAsync()
    {
        int n = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                int expected = _processes.Count;
                var samples = await SampleOnceAsync(n++ % 10 == 0, _stop.Token);
                if (samples.Count < expected) n = 0;   // one has gone: look again next time
            }
            catch (Exception e) when (e is not OperationCanceledException) { /* a gap in vmm.csv */ }
            catch (OperationCanceledException) { break; }
            try { await Task.Delay(every, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
