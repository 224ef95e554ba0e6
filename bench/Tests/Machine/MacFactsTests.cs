using FsBench.Host.Providers.Machine;

namespace FsBench.Tests.Machine;

/// <summary>What a Mac run records: parsed from the tools' real outputs (sources in Fixtures/SOURCES.md).</summary>
public sealed class MacFactsTests
{
    [Fact]
    public void Sw_vers_gives_the_macos_version_and_build()
    {
        var v = SwVers.Parse(Fixture.Read("sw_vers-macos-26.1.txt"))!;
        Assert.Equal(("macOS", "26.1", "25B78", 26), (v.ProductName, v.ProductVersion, v.BuildVersion, v.Major));
        Assert.Null(SwVers.Parse("zsh: command not found: sw_vers"));
    }

    [Fact]
    public void Krunkits_shares_come_from_its_command_line_and_their_mode_follows_the_krunkit_version()
    {
        string line = Fixture.Read("krunkit-helper-command-line-29439.txt");
        var shares = KrunkitShares.Parse(line);
        Assert.Equal(["/Users", "/private", "/var/folders", "/Users/sebastian/.config/containers"], shares.Select(s => s.SharedDir));
        Assert.All(shares, s => Assert.Null(s.PermissionSemantics));   // podman passes none
        Assert.StartsWith("simplified", KrunkitShares.EffectiveSemantics(shares[0], "1.3.1"));
        Assert.StartsWith("complete", KrunkitShares.EffectiveSemantics(shares[0], "1.2.1"));
        Assert.StartsWith("unknown", KrunkitShares.EffectiveSemantics(shares[0], null));
        var explicitShare = KrunkitShares.Parse("krunkit --device virtio-fs,sharedDir=/Users/user/shared-dir,mountTag=MOUNT_TAG,permissionSemantics=complete").Single();
        Assert.Equal("complete (explicit)", KrunkitShares.EffectiveSemantics(explicitShare, "1.3.1"));
        Assert.Contains("/Users=simplified", KrunkitShares.Describe(line, "1.3.1"));
    }

    [Fact]
    public void The_running_vmm_says_which_helper_podman_really_launched()
    {
        var all = ProcessTable.Parse("  4242 " + Fixture.Read("krunkit-helper-command-line-29439.txt").Split("helper command-line: [", 2)[1].TrimEnd(']', '\n'));
        var facts = MacHostFacts.FromRunningVmm(all, "krunkit", "podman-machine-default", "1.3.1");
        Assert.Equal("/opt/homebrew/bin/krunkit", facts["krunkit_path_running"]);
        Assert.StartsWith("/Users=simplified", facts["krunkit_permission_semantics"]);
    }

    [Fact]
    public void Libkrun_version_comes_from_the_dylib_file_that_krunkits_library_link_resolves_to()
    {
        // otool -L prints "PATH (compatibility version X, current version Y)" per library; the path is where krunkit's
        // Makefile points it ($(PREFIX)/lib/libkrun.1.dylib); the versions here are placeholders, not read.
        Assert.Equal("/opt/homebrew/lib/libkrun.1.dylib", LibkrunVersion.LibraryPath(
            "/opt/homebrew/bin/krunkit:\n\t/opt/homebrew/lib/libkrun.1.dylib (compatibility version 1.0.0, current version 1.0.0)\n\t/usr/lib/libSystem.B.dylib (compatibility version 1.0.0, current version 1345.100.2)\n"));
        Assert.Equal("1.17.4", LibkrunVersion.FromFileName("/opt/homebrew/Cellar/libkrun/1.17.4/lib/libkrun.1.17.4.dylib"));
        Assert.Null(LibkrunVersion.FromFileName("/opt/homebrew/lib/libkrun.1.dylib"));
    }

    [Theory]
    [InlineData("krunkit 1.3.1", "1.3.1")]
    [InlineData("vfkit version v0.6.1", "0.6.1")]
    public void Helper_versions_parse_as_clap_and_cobra_print_them(string output, string version) =>
        Assert.Equal(version, HelperBinary.ParseVersion(output));
}
