using FsBench.Host.Benchmarks;
using FsBench.Host.Providers;
using FsBench.Host.Study;

namespace FsBench.Tests.Host;

/// <summary>--fresh-guest: which providers are booted anew before a case, given the repetition of the case before it.</summary>
public sealed class FreshGuestTests
{
    private static readonly IProvider[] Shared =
        [.. new[] { "local", "podman", "qemu-virtiofs", "qemu-9p", "qemu-virtiofs+avf-model" }.Select(ProviderCatalog.Create)];

    private static string[] Names(IEnumerable<IProvider> providers) => [.. providers.Select(p => p.Name).Order()];

    [Fact]
    public void The_QEMU_guests_and_their_fault_model_variants_declare_a_fresh_boot_and_no_other_provider_does()
    {
        Assert.Equal(["qemu-9p", "qemu-virtiofs", "qemu-virtiofs+avf-model"], Names(Shared.Where(p => p.BootsFreshGuest)));
        Assert.False(ProviderCatalog.Create("applehv").BootsFreshGuest);
    }

    [Theory]
    [InlineData(null, 0)]   // the run's first case: its guests were booted at the run's start
    [InlineData(0, 0)]      // within a repetition
    [InlineData(2, 2)]
    public void Nothing_is_rebooted_before_the_first_repetition_or_within_one(int? previous, int next) =>
        Assert.Empty(FreshGuestRebooter.ToReboot(previous, next, Shared));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(null, 3)]   // a run whose cases start in a later repetition (the earlier ones filtered out)
    public void Every_guest_is_rebooted_once_at_the_first_case_of_each_later_repetition(int? previous, int next) =>
        Assert.Equal(["qemu-9p", "qemu-virtiofs", "qemu-virtiofs+avf-model"], Names(FreshGuestRebooter.ToReboot(previous, next, Shared)));

    [Fact]
    public void Over_a_planned_run_each_guest_is_booted_once_per_repetition_after_the_first_and_exclusive_machines_never()
    {
        var providers = Shared.Append(ProviderCatalog.Create("applehv")).ToArray();
        var plan = RepetitionPlan.Create(providers.Select(p => p.Name).ToArray(), new HashSet<string> { "applehv" }, 4, seed: 11);
        int? previous = null;
        var reboots = new List<(string Provider, int Repetition)>();
        foreach (var repetition in plan)
        foreach (var _ in repetition.Order.SelectMany(p => new[] { p, p, p }))   // three cases per provider
        {
            reboots.AddRange(FreshGuestRebooter.ToReboot(previous, repetition.Index, providers).Select(p => (p.Name, repetition.Index)));
            previous = repetition.Index;
        }
        Assert.Equal(3 * 3, reboots.Count);
        Assert.Equal([1, 2, 3], reboots.Select(r => r.Repetition).Distinct().Order());
        Assert.All(reboots.GroupBy(r => r.Repetition), g => Assert.Equal(["qemu-9p", "qemu-virtiofs", "qemu-virtiofs+avf-model"], g.Select(r => r.Provider).Order()));
    }
}
