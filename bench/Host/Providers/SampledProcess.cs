namespace FsBench.Host.Providers;

/// <summary>One host process of a provider worth watching in long runs: its role ("qemu", "virtiofsd", "conmon", "krunkit"...) and PID.</summary>
public sealed record SampledProcess(string Role, int Pid);
