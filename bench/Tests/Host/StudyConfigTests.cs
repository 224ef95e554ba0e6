using BenchmarkDotNet.Running;
using FsBench.Host.Benchmarks;
using FsBench.Host.Providers;
using FsBench.Host.Providers.Local;
using FsBench.Host.Providers.Podman;
using FsBench.Host.Providers.Qemu;
using FsBench.Host.Study;

namespace FsBench.Tests.Host;

/// <summary>Which cases BenchmarkDotNet runs: each provider's job, only on what the provider declares it supports.</summary>
public sealed class StudyConfigTests : TempDirTest
{
    [Fact]
    public void Each_provider_runs_only_its_mounts_and_copyup_only_where_the_lower_layer_is_reachable()
    {
        IProvider local = new LocalProvider(), podman = new PodmanProvider(), qemu = new QemuProvider(QemuTransport.VirtioFs);
        Assert.Null(local.WhyNotSupported("mkdir", MountModes.Bind));
        Assert.Contains("no mount mode 'overlay'", local.WhyNotSupported("mkdir", MountModes.Overlay));
        Assert.Null(podman.WhyNotSupported("stat", MountModes.Volume));
        Assert.Contains("needs an overlay's lower layer", podman.WhyNotSupported("copyup", MountModes.Overlay));
        Assert.Null(qemu.WhyNotSupported("copyup", MountModes.Overlay));
        Assert.NotNull(qemu.WhyNotSupported("copyup", MountModes.Bind));
        Assert.NotNull(qemu.WhyNotSupported("mkdir", MountModes.Volume));
    }

    [Fact]
    public void Cold_ops_run_only_where_the_host_can_write_the_share_and_then_HostShareDir_names_it()
    {
        IProvider local = new LocalProvider(), podman = new PodmanProvider(), qemu = new QemuProvider(QemuTransport.VirtioFs);
        var ctx = new ProviderContext("cold-test", Path.Combine(Tmp.Path, "state"), Tmp.Path, "/nonexistent/probe", TimeSpan.FromSeconds(1));
        foreach (var p in new[] { local, podman, qemu })
        foreach (var mount in p.Mounts)
        {
            Assert.Equal(p.HostWritesShare(mount), p.HostShareDir(ctx, mount) is not null);
            if (p.HostWritesShare(mount)) Assert.Null(p.WhyNotSupported("stat_cold", mount));
            else Assert.Contains("needs files the host makes in the share", p.WhyNotSupported("stat_cold", mount));
        }
        Assert.Null(qemu.WhyNotSupported("getxattr_cold", MountModes.Bind));
        Assert.NotNull(podman.WhyNotSupported("listxattr_cold", MountModes.Volume));
        Assert.NotNull(qemu.WhyNotSupported("chmod_cold", MountModes.Overlay));
    }

    [Fact]
    public void BenchmarkDotNet_gets_exactly_the_supported_cases_of_every_provider()
    {
        var folder = RunFolder.Create(Path.Combine(Tmp.Path, "run"));
        var settings = StudySettings.ForProfile("smoke") with
        {
            Ops = ["mkdir", "copyup"], Workers = [1, 4], Mounts = MountModes.All, Providers = ["local", "podman", "qemu-9p"],
        };
        folder.WriteSettings(settings);
        IProvider[] providers = [new LocalProvider(), new PodmanProvider(), new QemuProvider(QemuTransport.NineP)];
        string? before = Environment.GetEnvironmentVariable(StudyEnvironment.RunDirVar);
        Environment.SetEnvironmentVariable(StudyEnvironment.RunDirVar, folder.Dir);   // the params come from the run folder
        try
        {
            var info = BenchmarkConverter.TypeToBenchmarks(typeof(MetadataBenchmarks), StudyConfig.Create(folder, settings, providers,
                RepetitionPlan.Create(settings.Providers, new HashSet<string>(), 1, 1)));
            var cases = info.BenchmarksCases
                .Select(c => $"{StudyEnvironment.ProviderOf(c.Job)}/{c.Parameters["Mount"]}/{c.Parameters["Op"]}/w{c.Parameters["Workers"]}")
                .Order().ToList();
            string[] expected =
            [
                .. new[] { "local/bind/mkdir" },
                .. MountModes.All.Select(m => $"podman/{m}/mkdir"),
                .. new[] { "qemu-9p/bind/mkdir", "qemu-9p/overlay/copyup", "qemu-9p/overlay/mkdir" },
            ];
            Assert.Equal(expected.SelectMany(e => new[] { e + "/w1", e + "/w4" }).Order(), cases);
        }
        finally { Environment.SetEnvironmentVariable(StudyEnvironment.RunDirVar, before); }
    }
}
