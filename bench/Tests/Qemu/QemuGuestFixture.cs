using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Qemu;

namespace FsBench.Tests.Qemu;

/// <summary>
/// One booted guest shared by the tests of a class: started once, stopped (every process ended) at the end.
/// Boots nothing when the machine cannot run QEMU (the tests are then skipped with the reason).
/// </summary>
public abstract class QemuGuestFixture(QemuTransport transport) : IAsyncLifetime
{
    private readonly TempDir _tmp = new();
    public QemuProvider Provider { get; } = new(transport);
    public ProviderContext Context { get; private set; } = null!;
    public ProviderInfo? Info { get; private set; }

    public async Task InitializeAsync()
    {
        Context = NewContext(_tmp.Path, TimeSpan.FromSeconds(120));
        if (Requirements.MissingQemu() is not null) return;
        Info = await Provider.StartAsync(Context, CancellationToken.None);
    }

    public static ProviderContext NewContext(string dir, TimeSpan batchTimeout)
    {
        var ctx = new ProviderContext($"qemutest{Environment.ProcessId}", Path.Combine(dir, "state"), dir, Requirements.AotProbe, batchTimeout);
        Directory.CreateDirectory(ctx.StateDir);
        return ctx;
    }

    public Task<ProbeSession> SessionAsync(string mount) => Provider.OpenSessionAsync(Context, mount, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Provider.StopAsync(Context, CancellationToken.None);
        _tmp.Dispose();
    }
}

public sealed class VirtiofsGuest() : QemuGuestFixture(QemuTransport.VirtioFs);
public sealed class NinePGuest() : QemuGuestFixture(QemuTransport.NineP);

/// <summary>The QEMU test classes run one after another: two TCG guests at once on 2 cores would distort the timings.</summary>
[CollectionDefinition("qemu", DisableParallelization = true)]
public sealed class QemuCollection;
