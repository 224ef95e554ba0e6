using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Qemu;
using FsBench.Tests.Qemu;

namespace FsBench.Tests.FaultModel;

/// <summary>
/// One booted qemu-virtiofs guest whose virtiofsd carries a shipped fault model (qemu-virtiofs+MODEL-model), for the
/// tests of a class. Boots nothing when QEMU or the library is missing (the tests then skip with the reason).
/// </summary>
public abstract class ModelGuestFixture(string model) : IAsyncLifetime
{
    private readonly TempDir _tmp = new();
    public string ProviderName { get; } = FsBench.Host.Providers.Qemu.FaultModel.ProviderName("qemu-virtiofs", model);
    public QemuProvider Provider { get; private set; } = null!;
    public ProviderContext Context { get; private set; } = null!;
    public ProviderInfo? Info { get; private set; }
    public string InjectionLog => FsBench.Host.Providers.Qemu.FaultModel.InjectionLog(Context, ProviderName);

    public async Task InitializeAsync()
    {
        Provider = (QemuProvider)ProviderCatalog.Create(ProviderName);
        Context = QemuGuestFixture.NewContext(Path.Combine(_tmp.Path, "run"), TimeSpan.FromSeconds(120));
        if ((Requirements.MissingQemu() ?? Requirements.MissingFaultModel()) is not null) return;
        Info = await Provider.StartAsync(Context, CancellationToken.None);
    }

    public Task<ProbeSession> SessionAsync(string mount) => Provider.OpenSessionAsync(Context, mount, CancellationToken.None);

    public IReadOnlyList<InjectionLogFormat.Injection> Injections() => InjectionLogFormat.Read(InjectionLog);

    public async Task DisposeAsync()
    {
        if (Provider is not null) await Provider.StopAsync(Context, CancellationToken.None);
        _tmp.Dispose();
    }
}

public sealed class AvfModelGuest() : ModelGuestFixture("avf");
public sealed class NoneModelGuest() : ModelGuestFixture("none");
