using System.Runtime.InteropServices;

namespace FsBench.Host.Providers.Machine;

/// <summary>What kind of host this is, as far as the podman machine providers care.</summary>
public enum HostKind { Linux, MacAppleSilicon, MacIntel, Other }

public static class HostPlatform
{
    public static HostKind Current()
    {
        if (OperatingSystem.IsLinux()) return HostKind.Linux;
        if (!OperatingSystem.IsMacOS()) return HostKind.Other;
        // Under Rosetta the process is x64 on an arm64 Mac: ask the kernel, not the process.
        bool arm = RuntimeInformation.OSArchitecture == Architecture.Arm64 || SysctlIsOne("hw.optional.arm64");
        return arm ? HostKind.MacAppleSilicon : HostKind.MacIntel;
    }

    private static bool SysctlIsOne(string name)
    {
        try
        {
            var r = Tool.RunAsync("sysctl", ["-n", name], CancellationToken.None, TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
            return r.IsSuccess && r.StandardOutput.Trim() == "1";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    public static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
