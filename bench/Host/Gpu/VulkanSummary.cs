namespace FsBench.Host.Gpu;

/// <summary>One device of `vulkaninfo --summary` (its "Devices:" section): "Virtio-GPU Venus (Apple M2)", venus, 1.2.0.</summary>
public sealed record VulkanDevice(string Name, string Driver, string ApiVersion, string Type, string DriverInfo)
{
    /// <summary>A software rasterizer (llvmpipe, lavapipe) is not a GPU.</summary>
    public bool IsCpu => Type.Contains("CPU", StringComparison.Ordinal);
}

public static class VulkanSummary
{
    /// <summary>The GPUn: blocks of the Devices section, each a list of `key = value` lines.</summary>
    public static List<VulkanDevice> Parse(string output)
    {
        var devices = new List<VulkanDevice>();
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
            devices.Add(new VulkanDevice(current["deviceName"], current.GetValueOrDefault("driverName", ""),
                current.GetValueOrDefault("apiVersion", ""), current.GetValueOrDefault("deviceType", ""), current.GetValueOrDefault("driverInfo", "")));
            current = null;
        }
    }
}
