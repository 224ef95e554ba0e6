using FsBench.Host.Providers.Machine;

namespace FsBench.Tests.Machine;

/// <summary>Which provider `podman machine init` would use, and where that choice comes from.</summary>
public sealed class ProviderSelectionTests
{
    private static readonly PodmanVersion V5 = PodmanVersion.Parse("5.7.1")!, V6 = PodmanVersion.Parse("6.0.2")!;
    private const string Conf = "[engine]\nprovider = \"nonsense\"\n\n[machine]\n# the default VM type\nprovider = \"libkrun\"\ncpus = 4\n";

    [Fact]
    public void The_environment_variable_overrides_containers_conf()
    {
        var c = ProviderSelection.Effective("applehv", Conf, V6, InstallOrigin.PkgInstaller);
        Assert.Equal("applehv", c.Provider);
        Assert.Contains("CONTAINERS_MACHINE_PROVIDER", c.Source);
    }

    [Fact]
    public void Containers_conf_machine_table_sets_the_provider()
    {
        Assert.Equal("libkrun", ProviderSelection.ConfProvider(Conf));
        Assert.Null(ProviderSelection.ConfProvider("[engine]\nprovider = \"libkrun\"\n"));
        Assert.Equal(new ProviderSelection.Choice("libkrun", "containers.conf [machine] provider"), ProviderSelection.Effective(null, Conf, V5, InstallOrigin.Homebrew));
    }

    [Theory]
    [InlineData("5.7.1", InstallOrigin.PkgInstaller, "applehv")]
    [InlineData("6.0.2", InstallOrigin.PkgInstaller, "libkrun")]
    [InlineData("6.0.2", InstallOrigin.Homebrew, "applehv")]
    public void Without_a_choice_podmans_default_depends_on_version_and_installer(string version, InstallOrigin origin, string expected)
    {
        Assert.Equal(expected, ProviderSelection.Effective(null, null, PodmanVersion.Parse(version), origin).Provider);
    }

    [Theory]
    [InlineData("pkginstaller", null, InstallOrigin.PkgInstaller)]
    [InlineData("", "/opt/podman/bin/podman", InstallOrigin.PkgInstaller)]
    [InlineData("", "/opt/homebrew/Cellar/podman/6.0.2/bin/podman", InstallOrigin.Homebrew)]
    [InlineData("", "/usr/bin/podman", InstallOrigin.Unknown)]
    public void The_install_origin_comes_from_podman_or_its_path(string buildOrigin, string? path, InstallOrigin expected)
    {
        Assert.Equal(expected, ProviderSelection.OriginOf(buildOrigin, path));
    }
}
