using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using FsBench.Host.Providers;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// --fresh-guest: at the first case of every repetition after the first, stops and starts each running shared provider
/// that boots a guest (<see cref="IProvider.BootsFreshGuest"/>), so each repetition measures a freshly booted guest and
/// the launch-level intervals include boot-to-boot variation. It runs before the case (BenchmarkDotNet's BeforeAnythingElse
/// signal, ahead of its GlobalSetup), like <see cref="ExclusiveSwitcher"/>; every stop and start is
/// a timed row of cycles.csv. A failed start is one line; that repetition's cases on the provider then find no guest and
/// fail, unless the provider's own restart after a channel failure (<see cref="CaseSession"/>) brings one up.
/// </summary>
public sealed class FreshGuestRebooter(RunFolder folder, IReadOnlyList<IProvider> shared, ProviderContext ctx) : HostDiagnoser("FsFreshGuestRebooter")
{
    private int? _repetition;

    /// <summary>
    /// Which providers to reboot before a case of repetition <paramref name="next"/>, the previous case having been of
    /// repetition <paramref name="previous"/> (null: none yet): every one that boots a guest, when the case opens a
    /// repetition after the first (the first repetition's guests were booted just before it, at the run's start).
    /// </summary>
    public static IReadOnlyList<IProvider> ToReboot(int? previous, int next, IEnumerable<IProvider> shared) =>
        next > 0 && next != previous ? shared.Where(p => p.BootsFreshGuest && !p.ExclusiveActive).ToList() : [];

    public override void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        if (signal != HostSignal.BeforeAnythingElse) return;
        int next = StudyEnvironment.RepetitionOf(parameters.BenchmarkCase.Job);
        var reboot = ToReboot(_repetition, next, shared);
        _repetition = next;
        foreach (var provider in reboot) Reboot(provider, next);
    }

    private void Reboot(IProvider provider, int repetition)
    {
        Console.WriteLine($"// fsbench: booting a fresh {provider.Name} for repetition {repetition + 1} (--fresh-guest)");
        try
        {
            ProviderCycles.TimeAsync(folder, repetition, provider.Name, "stop", () => provider.StopAsync(ctx, CancellationToken.None)).GetAwaiter().GetResult();
            ProviderCycles.TimeAsync(folder, repetition, provider.Name, "start", () => provider.StartAsync(ctx, CancellationToken.None)).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Console.WriteLine($"// fsbench: {provider.Name} did not reboot for repetition {repetition + 1} (its cases there find no guest): {e.Message}");
        }
    }
}
