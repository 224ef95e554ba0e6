using CliWrap.Buffered;
using FsBench.Host.Providers;

namespace FsBench.Host.Gpu;

/// <summary>
/// What a provider's guest sees of a GPU: its render nodes (`ls /dev/dri`), its Vulkan devices
/// (`vulkaninfo --summary`: libkrun gives "Virtio-GPU Venus (Apple M…)", AVF gives none) and, if the user names
/// one, a workload's throughput (llama-bench's pp512/tg128 t/s).
/// </summary>
public static class GpuProbe
{
    public static async Task<GpuReport> RunAsync(GpuTarget target, string? workload, CancellationToken ct)
    {
        var ls = await RunAsync(target, ct, "ls", "-1", "/dev/dri");
        var nodes = ls.IsSuccess ? RenderNodes(ls.StandardOutput) : [];
        var report = new GpuReport { Provider = target.Provider, Image = target.Image, RenderNodes = nodes };
        if (nodes.Count == 0)
            return report with { RenderNodeNote = $"no render node{(ls.IsSuccess ? " in /dev/dri" : ": " + Tool.LastLine(ls.StandardError + "\n" + ls.StandardOutput))}" };

        var vk = await RunAsync(target, ct, "vulkaninfo", "--summary");
        var devices = VulkanSummary.Parse(vk.StandardOutput);
        report = report with
        {
            VulkanDevices = devices,
            VulkanNote = vk.IsSuccess ? (devices.Any(d => !d.IsCpu) ? null : "no GPU among the Vulkan devices (software rendering only)")
                : $"vulkaninfo failed (exit {vk.ExitCode}): {Tool.LastLine(vk.StandardError)}",
        };
        if (string.IsNullOrWhiteSpace(workload)) return report;

        var w = await RunAsync(target, ct, "sh", "-c", workload);
        var results = LlamaBench.Parse(w.StandardOutput);
        return report with
        {
            Workload = workload,
            WorkloadExitCode = w.ExitCode,
            WorkloadResults = results,
            WorkloadNote = results.Count > 0 ? null : $"no llama-bench table in the output: {Tool.LastLine(w.StandardError + "\n" + w.StandardOutput)}",
        };
    }

    /// <summary>The render nodes (renderD128…) in `ls /dev/dri` output, `ls -1` or `ls -la` alike (the name is the last field).</summary>
    public static List<string> RenderNodes(string lsOutput) =>
        lsOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1])
            .Where(n => n.StartsWith("renderD", StringComparison.Ordinal)).ToList();

    private static async Task<BufferedCommandResult> RunAsync(GpuTarget target, CancellationToken ct, params string[] program)
    {
        var (exe, args) = target.Command(program);
        try { return await Tool.RunAsync(exe, args, ct, TimeSpan.FromMinutes(30)); }
        catch (System.ComponentModel.Win32Exception e)   // the program is not installed on the host
        {
            return new BufferedCommandResult(127, DateTimeOffset.Now, DateTimeOffset.Now, "", $"{exe}: {e.Message}");
        }
    }
}
