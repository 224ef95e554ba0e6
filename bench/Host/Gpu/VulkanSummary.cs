namespace FsBench.Host.Gpu;

/// <summary>Reads `vulkaninfo --summary` (its "Devices:" section) into the gpu report's device records.</summary>
public static class VulkanSummary
{
    /// <summary>The GPUn: blocks of the Devices section, each a list of `key = value` lines.</summary>
    public static List<GpuVulkanDevice> Parse(string output)
    {
        var devices = new List<GpuVulkanDevice>();
        Dictionary<string, string>? current = null;
        bool inDevices = false;
        foreach (var raw in output.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("Devices:", StringComparison.Ordinal)) { inDevices = true; continue; }
            if (line.StartsWith("GPU", StringComparison.Ordinal) && line.EndsWith(':'))
            {
                Flush();
                current = new Dictionary<string, string>();
                inDevices = true;
                continue;
            }
            if (!inDevices || current is null) continue;
            int eq = line.IndexOf('=');
            if (eq > 0) current[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }
        Flush();
        return devices;

        void Flush()
        {
            if (current is null || !current.ContainsKey("deviceName")) return;
            devices.Add(new GpuVulkanDevice
            {
                Name = current["deviceName"], Driver = current.GetValueOrDefault("driverName", ""),
                ApiVersion = current.GetValueOrDefault("apiVersion", ""), Type = current.GetValueOrDefault("deviceType", ""),
                DriverInfo = current.GetValueOrDefault("driverInfo", ""),
            });
            current = null;
        }
    }
}
