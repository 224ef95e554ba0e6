using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Host.Providers;

/// <summary>Runs an external tool with an argument list (never a shell string) and returns its output.</summary>
public static class Tool
{
    public static bool OnPath(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, exe)));

    public static async Task<BufferedCommandResult> RunAsync(string exe, IEnumerable<string> args, CancellationToken ct, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        return await Cli.Wrap(exe).WithArguments(args).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cts.Token);
    }

    /// <summary>Like <see cref="RunAsync"/>, but a non-zero exit becomes an error naming the command and its last stderr line.</summary>
    public static async Task<string> OutputAsync(string exe, IEnumerable<string> args, CancellationToken ct, TimeSpan? timeout = null)
    {
        var list = args.ToList();
        var r = await RunAsync(exe, list, ct, timeout);
        if (!r.IsSuccess)
            throw new Study.StudyException($"{exe} {string.Join(' ', list)} failed (exit {r.ExitCode}): {LastLine(r.StandardError)}");
        return r.StandardOutput;
    }

    public static string LastLine(string text) => text.Trim().Split('\n').LastOrDefault()?.Trim() ?? "";
}
