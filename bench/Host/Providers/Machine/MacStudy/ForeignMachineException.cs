namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>A podman machine the study does not own is running: podman would refuse to start the study's (podman#25112).</summary>
public static class ForeignMachine
{
    private const string Key = "foreign-machine";

    public static Study.StudyException Error(MachineListEntry m)
    {
        var e = new Study.StudyException(
            $"podman machine {m.Name} ({m.VmType}) is running and is not this study's: stop it first (podman machine stop {m.Name}); podman runs one machine at a time");
        e.Data[Key] = m.Name;
        return e;
    }

    /// <summary>The foreign machine an error names, or null for any other error.</summary>
    public static string? Of(Exception e) => e.Data[Key] as string;
}
