using System.Text.Json;
using FsBench.Protocol;

namespace FsBench.Host.Providers.Machine.MacStudy;

/// <summary>
/// The preflight checks that need the machine up: a `touch` through the bind mount of the workspace (the share podman
/// set up really reaches the guest, writable), and the linux-arm64 probe answering `hello` in the study's image (a
/// probe built against a newer glibc than the image's, or for the wrong architecture, fails here, not mid-study).
/// </summary>
public static class MachineChecks
{
    public static IEnumerable<(string What, Invocation Command, string? Stdin)> Invocations(string connection, MachineSettings s, string guestProbe)
    {
        string touched = Path.Combine(s.Workspace, ".fsbench-touch");
        yield return ($"touch through the bind mount ({s.Workspace})",
            new(["--connection", connection, "run", "--rm", "-v", $"{s.Workspace}:{s.Workspace}", s.Image, "touch", touched], new()), null);
        string probeDir = Path.GetDirectoryName(Path.GetFullPath(guestProbe))!;
        yield return ($"the probe answers hello in {s.Image}",
            new(["--connection", connection, "run", "--rm", "-i", "-v", $"{probeDir}:/probe:ro", s.Image, $"/probe/{Path.GetFileName(guestProbe)}", "--root", "/tmp"], new()),
            JsonSerializer.Serialize(new ProbeRequest { Cmd = "hello" }, ProtocolJson.Default.ProbeRequest) + "\n"
            + JsonSerializer.Serialize(new ProbeRequest { Cmd = "quit" }, ProtocolJson.Default.ProbeRequest) + "\n");
    }

    /// <summary>Null when the check passed; otherwise one line saying what failed and what to do.</summary>
    public static string? Problem(string what, MacStudy.ToolRun r, string image)
    {
        if (what.StartsWith("touch", StringComparison.Ordinal))
            return r.IsSuccess ? null : $"{what} failed (exit {r.ExitCode}: {Tool.LastLine(r.StandardError)}): check containers.conf [machine] volumes and FSBENCH_MAC_WORKSPACE";
        string? first = r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        bool hello = first is not null && first.TrimStart().StartsWith('{') && SafeType(first) == "hello";
        return hello ? null
            : $"the linux-arm64 probe does not run in {image} (exit {r.ExitCode}: {Tool.LastLine(r.StandardError + "\n" + r.StandardOutput)}): rebuild it with ./run-bench.sh probe-arm64, or set FSBENCH_MACHINE_IMAGE to an image with glibc ≥ the build's";
    }

    private static string SafeType(string line)
    {
        try { return ProtocolJson.ReplyType(line); }
        catch (JsonException) { return ""; }
    }
}
