using System.CommandLine;
using FsBench.Host.Gpu;

namespace FsBench.Host.Commands;

/// <summary>fsbench gpu --provider P --out RUN_DIR: records gpu/&lt;provider&gt;.json in the run folder.</summary>
public static class GpuCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "local | podman | applehv | libkrun", Required = true };
        var outDir = OutOption.Create("the run folder to write gpu/<provider>.json into", required: true);
        var workload = new Option<string?>("--workload") { Description = "a command run in the guest, e.g. \"llama-bench -m /models/m.gguf\" (its t/s table is parsed)" };
        var image = new Option<string?>("--image") { Description = $"the container image (default on machines: {GpuTarget.DefaultMachineImage}, which has vulkaninfo and Venus)" };
        var volume = new Option<string?>("--volume") { Description = "a bind mount for the workload, HOST:GUEST (e.g. ~/models:/models:ro)" };

        var cmd = new Command("gpu", "Probe the GPU a provider's guest sees (render nodes, Vulkan, an optional workload)") { provider, outDir, workload, image, volume };
        cmd.SetAction(async (parse, ct) =>
        {
            var target = GpuTarget.For(parse.GetValue(provider)!, parse.GetValue(image), parse.GetValue(volume));
            var report = await GpuProbe.RunAsync(target, parse.GetValue(workload), ct);
            string path = report.Write(parse.GetValue(outDir)!);
            Console.WriteLine($"fsbench gpu: {report.Provider}: " +
                (report.RenderNodes.Count == 0 ? report.RenderNodeNote
                    : $"{string.Join(",", report.RenderNodes)}; vulkan: {string.Join("; ", report.VulkanDevices.Select(d => $"{d.Name} ({d.Driver}, {d.ApiVersion})"))}{(report.VulkanNote is null ? "" : " " + report.VulkanNote)}"));
            foreach (var r in report.WorkloadResults) Console.WriteLine($"  {r.Test}: {r.TokensPerSecond} ± {r.StdDev} t/s");
            if (report.WorkloadNote is not null) Console.WriteLine($"  workload: {report.WorkloadNote}");
            Console.WriteLine($"fsbench gpu: wrote {path}");
            return 0;
        });
        return cmd;
    }
}
