using FsBench.Host.Providers;

namespace FsBench.Host.Soak;

/// <summary>
/// Samples the provider's host processes once per second for the whole soak into vmm.csv. The list of PIDs is
/// looked up again every ten seconds (and whenever a process has gone), so restarts are followed.
/// On macOS (no /proc) it uses the machine providers' ps/lsof sampler.
/// </summary>
public sealed class ProcessSampler(Func<CancellationToken, Task<IReadOnlyList<SampledProcess>>> find, SoakFolder folder, SoakClock clock) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ProcReader _reader = new();
    private Task? _loop;
    private IReadOnlyList<SampledProcess> _processes = [];
    public IReadOnlyList<ProcSample> Last { get; private set; } = [];

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        int n = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (n++ % 10 == 0 || _processes.Count == 0) _processes = await find(_stop.Token);
                var samples = new List<ProcSample>();
                foreach (var p in _processes)
                    if (await SampleAsync(p) is { } s) samples.Add(s);
                if (samples.Count < _processes.Count) n = 0;   // one has gone: look again next time
                Last = samples;
                folder.AppendVmm(samples);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // a missed sample is a gap in vmm.csv, never a failed soak
            }
            try { await Task.Delay(1000, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    private async Task<ProcSample?> SampleAsync(SampledProcess p)
    {
        double t = clock.Seconds;
        if (OperatingSystem.IsLinux()) return _reader.Read(p.Role, p.Pid, t);
        var s = await Providers.Machine.VmmSampler.SampleAsync(new Providers.Machine.ProcessEntry(p.Pid, p.Role), _stop.Token);
        return s is null ? null : new ProcSample(t, s.Utc, p.Role, p.Pid, s.OpenFds, s.RssKiB, s.CpuPercent);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
