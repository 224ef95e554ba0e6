using FsBench.Host.Study;

namespace FsBench.Host.Providers.Podman;

/// <summary>
/// The container image the probe runs in, made locally (no registry is reachable on our machines):
/// busybox plus the glibc files the NativeAOT probe links against, imported with podman import.
/// On a Mac, any glibc image works instead (--image).
/// </summary>
public static class PodmanImage
{
    public const string DefaultName = "localhost/fsbench-probe:1";

    public static async Task EnsureAsync(string podman, PodmanCommands cmds, string probePath, string workDir, CancellationToken ct)
    {
        if ((await Tool.RunAsync(podman, cmds.ImageExists(), ct)).IsSuccess) return;
        string root = Path.Combine(workDir, "image-root");
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        foreach (var d in new[] { "tmp", "proc", "sys", "dev", "etc", "w", "probe" }) Directory.CreateDirectory(Path.Combine(root, d));

        string busybox = new[] { "/bin/busybox", "/usr/bin/busybox" }.FirstOrDefault(File.Exists)
                         ?? throw new StudyException("busybox is not installed (apt-get install busybox-static)");
        File.Copy(busybox, Path.Combine(root, "bin/busybox"), true);
        File.CreateSymbolicLink(Path.Combine(root, "bin/sh"), "busybox");
        foreach (var lib in await SharedLibrariesAsync(probePath, ct))
        {
            string target = Path.Combine(root, lib.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(lib, target, true);
        }
        string tar = Path.Combine(workDir, "image-root.tar");
        await Tool.OutputAsync("tar", ["-C", root, "-cf", tar, "."], ct);
        await Tool.OutputAsync(podman, ["import", "--change", "CMD [\"/bin/sh\"]", tar, cmds.Image], ct);
        File.Delete(tar);
        Directory.Delete(root, recursive: true);
    }

    /// <summary>The resolved paths ldd prints for the probe (libc, libm, the loader...).</summary>
    public static async Task<List<string>> SharedLibrariesAsync(string binary, CancellationToken ct) =>
        ParseLdd(await Tool.OutputAsync("ldd", [binary], ct));

    public static List<string> ParseLdd(string output)
    {
        var libs = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            string line = raw.Trim();
            string? path = line.Contains("=>") ? line.Split("=>")[1].Trim().Split(' ')[0] : line.StartsWith('/') ? line.Split(' ')[0] : null;
            if (path is { Length: > 0 } && path.StartsWith('/')) libs.Add(path);
        }
        return libs.Distinct().ToList();
    }
}
