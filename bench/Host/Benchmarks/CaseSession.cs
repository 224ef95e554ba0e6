using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Study;

namespace FsBench.Host.Benchmarks;

/// <summary>
/// Opens a case's probe session. A provider whose sessions share one guest (<see cref="IProvider.RestartsAfterChannelFailure"/>)
/// is restarted first when an earlier case left its channel dead, or when opening fails on a dead channel now;
/// each restart is a row of restarts.csv.
/// </summary>
public static class CaseSession
{
    public static ProbeSession Open(IProvider provider, ProviderContext ctx, RunFolder folder, CaseKey key)
    {
        // An interrupted run has stopped its providers: a case must neither measure nor start them again.
        if (folder.IsInterrupted) throw new StudyException($"the run was interrupted ({folder.Dir}): {key} is not measured");
        if (provider.RestartsAfterChannelFailure && folder.TakeChannelFailure(provider.Name) is { } earlier)
            Restart(provider, ctx, folder, key, earlier);
        try
        {
            return provider.OpenSessionAsync(ctx, key.Mount, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (ProbeChannelException e) when (provider.RestartsAfterChannelFailure)
        {
            Restart(provider, ctx, folder, key, e.Message);
            return provider.OpenSessionAsync(ctx, key.Mount, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static void Restart(IProvider provider, ProviderContext ctx, RunFolder folder, CaseKey key, string reason)
    {
        Console.WriteLine($"// fsbench: restarting {provider.Name} before {key}: {reason}");
        folder.AppendRestart(provider.Name, key, reason);
        provider.StopAsync(ctx, CancellationToken.None).GetAwaiter().GetResult();
        provider.StartAsync(ctx, CancellationToken.None).GetAwaiter().GetResult();
    }
}
