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
        var report = new GpuReport { Provider = target.Provider, Image = await PinnedAsync(target, ct), RenderNodes = nodes };
        if (nodes.Count == 0)
            return report with { RenderNodeNote = $"no render node{(ls.IsSuccess ? " in /dev/dri" : ": " + Tool.LastLine(ls.StandardError + "\n" + ls.StandardOutput))}" };

        var vk = await RunAsync(target, ct, "vulkaninfo", "--summary");
        var devices = VulkanSummary.Parse(vk.StandardOutput);
        report = report with { VulkanDevices = devices, VulkanNote = VulkanNoteFor(vk.ExitCode, vk.StandardError, devices) };
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

    /// <summary>
    /// What the Vulkan devices say, or null when a Venus GPU is there: vulkaninfo's error (its exit code and last stderr
    /// lines: "ERROR_INITIALIZATION_FAILED" and the like), "no Venus device" when the guest has no virtio-gpu Venus
    /// device (applehv gives none; a libkrun guest without it has no GPU acceleration).
    /// </summary>
    public static string? VulkanNoteFor(int exitCode, string stderr, IReadOnlyList<GpuVulkanDevice> devices)
    {
        if (exitCode != 0)
            return $"vulkaninfo failed (exit {exitCode}): {string.Join(" | ", stderr.Trim().Split('\n').TakeLast(3).Select(l => l.Trim()))}";
        if (devices.Any(IsVenus)) return null;
        string seen = devices.Count == 0 ? "no Vulkan device" : string.Join(", ", devices.Select(d => $"{d.Name} ({d.Driver})"));
        return $"no Venus device (virtio-gpu Venus): {seen}{(devices.Count > 0 && devices.All(d => d.IsCpu) ? "; software rendering only" : "")}";
    }

    public static bool IsVenus(GpuVulkanDevice d) =>
        d.Driver.Equals("venus", StringComparison.OrdinalIgnoreCase) || d.Name.Contains("Venus", StringComparison.Ordinal);

    /// <summary>
    /// The image as run, pinned: given as NAME@sha256:… it is used as is; otherwise the digest podman pulled is read
    /// (`podman image inspect --format {{.Digest}}`) and recorded with it, so the report names exactly what ran.
    /// </summary>
    private static async Task<string> PinnedAsync(GpuTarget target, CancellationToken ct)
    {
        if (!target.InContainer || target.Image.Contains("@sha256:", StringComparison.Ordinal)) return target.Image;
        int run = target.Prefix.IndexOf("run");
        var global = run > 0 ? target.Prefix.Take(run) : [];
        var pull = await Tool.RunAsync(target.Exe, [.. global, "pull", "-q", target.Image], ct, TimeSpan.FromMinutes(30));
        var r = await Tool.RunAsync(target.Exe, [.. global, "image", "inspect", "--format", "{{.Digest}}", target.Image], ct, TimeSpan.FromMinutes(1));
        string digest = r.StandardOutput.Trim();
        if (!r.IsSuccess || !digest.StartsWith("sha256:", StringComparison.Ordinal))
            return $"{target.Image} (digest unknown: {Tool.LastLine(pull.StandardError + "\n" + r.StandardError)})";
        if (target.Image == GpuTarget.DefaultMachineImage && GpuImagePin.PinIfAbsent(target.Image, digest) is { } pin)
            Console.WriteLine($"// fsbench: gpu: pinned {target.Image}@{digest} in {pin} (commit it)");
        return $"{target.Image}@{digest}";
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
