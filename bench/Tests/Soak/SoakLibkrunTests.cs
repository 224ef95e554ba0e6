using CliWrap;
using CliWrap.Buffered;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Faults;
using FsBench.Host.Soak;

namespace FsBench.Tests.Soak;

/// <summary>
/// `soak --provider libkrun --faults 'freeze:...'` off a Mac: one line saying libkrun cannot run here, exit 2, no run
/// folder. The freeze it asks for is one libkrun declares (krunkit's REST API refuses Pause; its command lines are
/// tested against the captured outputs in Machine/FaultTests).
/// </summary>
public sealed class SoakLibkrunTests : TempDirTest
{
    [RequiresFact("not-macos")]
    public async Task A_libkrun_soak_with_a_freeze_says_in_one_line_that_libkrun_is_unavailable_here()
    {
        string outDir = Path.Combine(Tmp.Path, "soak");
        var r = await Cli.Wrap("dotnet")
            .WithArguments([Requirements.HostDll, "soak", "--provider", "libkrun",
                "--faults", "freeze:at=10s,for=5s", "--out", outDir, "--probe", Requirements.ManagedProbe])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.Equal(2, r.ExitCode);
        string err = r.StandardError.Trim();
        Assert.Single(err.Split('\n'));
        Assert.StartsWith("fsbench: libkrun cannot run here: ", err);
        Assert.Contains("macOS", err);
        Assert.Equal("", r.StandardOutput.Trim());
        Assert.False(Directory.Exists(outDir), "nothing is written for a provider that cannot run here");
    }

    [Fact]
    public void The_freeze_plan_is_one_libkrun_declares()
    {
        var plan = FaultSpecParser.Expand(FaultSpecParser.Parse("freeze:at=10s,for=5s"), TimeSpan.FromMinutes(10));
        var freeze = Assert.Single(plan);
        Assert.Equal((Fault.Freeze, TimeSpan.FromSeconds(10), (TimeSpan?)TimeSpan.FromSeconds(5)), (freeze.Kind, freeze.Start, freeze.Duration));
        var libkrun = ProviderCatalog.Create("libkrun");
        Assert.Null(libkrun.Faults(new ProviderContext("t", Tmp.Path, "", "", TimeSpan.FromMinutes(1))).WhyNot(Fault.Freeze));
    }
}
