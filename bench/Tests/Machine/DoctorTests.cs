using CliWrap;
using CliWrap.Buffered;
using FsBench.Host.Commands;

namespace FsBench.Tests.Machine;

/// <summary>fsbench doctor and fsbench migrate on this (Linux) host.</summary>
public sealed class DoctorTests
{

    private static async Task<BufferedCommandResult> Host(params string[] args) =>
        await Cli.Wrap("dotnet").WithArguments([Requirements.HostDll, .. args]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

    [RequiresFact("linux")]
    public async Task On_linux_the_mac_providers_are_unavailable_with_their_reasons_and_local_is_available()
    {
        var rows = (await DoctorReport.ProvidersAsync(CancellationToken.None)).ToDictionary(r => r.Provider);
        Assert.True(rows["local"].Available);
        Assert.Equal("applehv needs macOS (Apple Virtualization.framework)", rows["applehv"].Reason);
        Assert.Contains("libkrun needs macOS on Apple silicon", rows["libkrun"].Reason);
        Assert.All(rows.Values, r => Assert.DoesNotContain('\n', r.Reason ?? ""));
    }

    [Fact]
    public async Task The_doctor_command_lists_every_provider()
    {
        var r = await Host("doctor");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in FsBench.Host.Providers.ProviderCatalog.Names) Assert.Contains(name, r.StandardOutput);
        if (OperatingSystem.IsLinux())
        {
            Assert.Matches(@"applehv\s+unavailable: applehv needs macOS", r.StandardOutput);
            Assert.Matches(@"local\s+available", r.StandardOutput);
            Assert.Contains("docs/mac.md", r.StandardOutput);
        }
    }

    [RequiresFact("linux")]
    public async Task Migrate_on_linux_says_there_are_no_podman_machines_to_migrate()
    {
        var r = await Host("migrate", "--to", "libkrun", "--dry-run");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("no podman machines to migrate", r.StandardOutput);
    }

    [Fact]
    public async Task Migrate_refuses_an_unknown_target()
    {
        var r = await Host("migrate", "--to", "qemu");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("qemu", r.StandardError);
    }

    [Support.RequiresFact("linux")]
    public async Task Mac_study_on_linux_says_in_one_line_that_it_needs_macos()
    {
        var r = await Host("mac-study");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(1, r.StandardError.Trim().Split('\n').Length);
        Assert.Contains("mac-study needs macOS", r.StandardError);

        var sh = await Cli.Wrap("bash").WithArguments([Path.Combine(Support.Requirements.RepoRoot, "run-bench.sh"), "mac-study"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.Equal(2, sh.ExitCode);
        Assert.Equal(1, sh.StandardError.Trim().Split('\n').Length);
        Assert.Contains("mac-study needs macOS", sh.StandardError);
    }
}
