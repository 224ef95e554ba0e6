namespace FsBench.Host.Providers;

/// <summary>
/// A provider whose host-side processes are worth watching during long runs (the VMM, the file server,
/// conmon...): `fsbench soak` samples their open file descriptors, RSS and CPU once per second into vmm.csv.
/// Optional: providers that do not implement it are sampled for nothing.
/// </summary>
public interface IProcessesToSample
{
    /// <summary>The processes running now for this run (read from the provider's state); empty when none are known.</summary>
    IReadOnlyList<SampledProcess> ProcessesToSample(ProviderContext ctx);
}

/// <summary>One host process: its role ("qemu", "virtiofsd", "conmon", "container") and its PID.</summary>
public sealed record SampledProcess(string Role, int Pid);
