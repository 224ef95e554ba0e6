using CliWrap;
using CliWrap.Buffered;

namespace FsBench.Tests.Host;

/// <summary>Wrong input gets one line on stderr and a non-zero exit, and writes no run folder.</summary>
public sealed class CommandLineTests : TempDirTest
{

    private async Task<BufferedCommandResult> Host(params string[] args) =>
        await Cli.Wrap("dotnet").WithArguments([Requirements.HostDll, .. args]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

    [Theory]
    [InlineData("unknown provider 'nosuch'", "run", "--providers", "nosuch")]
    [InlineData("unknown op 'frobnicate'", "run", "--providers", "local", "--ops", "mkdir,frobnicate")]
    [InlineData("unknown mount mode 'nfs'", "run", "--mounts", "nfs")]
    [InlineData("'huge'", "run", "--profile", "huge")]
    [InlineData("--bogus", "run", "--bogus")]
    [InlineData("not a number", "run", "--workers", "1,x")]
    [InlineData("--coherence-trials/--trials: -5 is not a number from 0 to 10000", "run", "--providers", "local", "--coherence-trials", "-5")]
    [InlineData("--trials: 0 runs nothing", "coherence", "--providers", "local", "--trials", "0")]
    [InlineData("--limit-ms: 0 is not a number", "coherence", "--providers", "local", "--limit-ms", "0")]
    [InlineData("unknown provider 'nosuch'", "coherence", "--providers", "nosuch")]
    public async Task Bad_input_is_one_line_and_exit_2(string expected, params string[] args)
    {
        string outDir = Path.Combine(Tmp.Path, "run");
        var r = await Host([.. args, "--out", outDir, "--probe", Requirements.ManagedProbe]);
        Assert.Equal(2, r.ExitCode);
        string err = r.StandardError.Trim();
        Assert.Single(err.Split('\n'));
        Assert.StartsWith("fsbench: ", err);
        Assert.Contains(expected, err);
        Assert.False(File.Exists(Path.Combine(outDir, "manifest.json")));
    }

    [Fact]
    public async Task A_missing_probe_binary_is_named()
    {
        var r = await Host("run", "--providers", "local", "--out", Path.Combine(Tmp.Path, "r"), "--probe", "/nonexistent/fsprobe");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/nonexistent/fsprobe not found", r.StandardError);
    }

    [Fact]
    public async Task Providers_lists_each_provider_with_availability()
    {
        var r = await Host("providers");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("local", r.StandardOutput);
        Assert.Matches(@"podman\s+(available|unavailable: .+)", r.StandardOutput);
    }
}
