using System.CommandLine;
using FsBench.Host.Providers;

namespace FsBench.Host.Commands;

/// <summary>fsbench providers: which providers this machine can run, and for the others, why not.</summary>
public static class ProvidersCommand
{
    public static Command Create()
    {
        var cmd = new Command("providers", "List the providers and whether this machine can run them");
        cmd.SetAction(async (_, ct) =>
        {
            foreach (var name in ProviderCatalog.Names)
            {
                var p = ProviderCatalog.Create(name);
                string? reason = await p.UnavailableReasonAsync(ct);
                Console.WriteLine($"{name,-14} {(reason is null ? "available" : "unavailable: " + reason)}  mounts: {string.Join(",", p.Mounts)}");
            }
            return 0;
        });
        return cmd;
    }
}
