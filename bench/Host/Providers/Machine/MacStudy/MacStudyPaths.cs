namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>Where the Mac study finds its probe and puts its runs, and how its machines are made.</summary>
/// <param name="Probe">the host probe path handed to child runs (the machine providers derive the guest probe from it).</param>
/// <param name="GuestProbe">the linux-arm64 probe that runs in the machines' containers.</param>
public sealed record MacStudyPaths(string Probe, string GuestProbe, string Results, MachineSettings Machine);
