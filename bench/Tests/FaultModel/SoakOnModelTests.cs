using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using FsBench.Host.Providers.Qemu;
using FsBench.Tests.Support;
using Xunit.Abstractions;

namespace FsBench.Tests.FaultModel;

/// <summary>
/// Positive controls for the soak's detectors, in a real guest over a virtiofsd with a test fault model: spurious ENOENT,
/// a leaked descriptor every 20 lookups, held requests, and failing lookups after a VM pause. The soak must class each
/// injected failure as an operation error (counts equal to the injection log's), show the leak as descriptor growth in
/// vmm.csv, and show the post-pause window as failures after the pause with a recovery time.
/// </summary>
[Collection("qemu")]
public sealed class SoakOnModelTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _tmp = new();
    public void Dispose() => _tmp.Dispose();

    private const string ControlModel = """
        { "model": "soak-control", "seed": 5, "behaviours": {
            "spurious_enoent_open": { "rate": 0.03, "growth": 0 },
            "fd_leak": { "every": 20 },
            "stall": { "rate": 0.002, "ms": 1500 },
            "post_freeze": { "rate": 1.0, "after_ms": 2000, "ms": 3000, "errno": 5 } } }
        """;

    [RequiresFact("qemu+faultmodel")]
    public async Task Each_injected_failure_lands_in_its_class_and_the_counts_match_the_injection_log()
    {
        string models = Path.Combine(_tmp.Path, "models");
        Directory.CreateDirectory(models);
        await File.WriteAllTextAsync(Path.Combine(models, "soak-control.json"), ControlModel);
        string dir = Path.Combine(_tmp.Path, "soak");
        var r = await Cli.Wrap("dotnet")
            .WithArguments([Path.Combine(Requirements.RepoRoot, "bench/Host/bin/Release/net10.0/FsBench.Host.dll"), "soak",
                "--provider", "qemu-virtiofs+soak-control-model", "--probe", Requirements.AotProbe, "--out", dir,
                "--scratch", Path.Combine(_tmp.Path, "scratch"), "--duration", "40s", "--rate", "40/s", "--workers", "2",
                "--faults", "pause:at=15s,for=4s", "--knownbugs-every", "300s", "--knownbugs-runs", "1"])
            .WithEnvironmentVariables(e => e.Set("FSBENCH_FAULT_MODELS", models))
            .WithWorkingDirectory(Requirements.RepoRoot)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        output.WriteLine(r.StandardOutput[^Math.Min(3000, r.StandardOutput.Length)..] + r.StandardError);
        Assert.True(r.ExitCode == 0, r.StandardError);

        var results = InjectionReconciliation.ForFolder(dir);
        output.WriteLine(InjectionReconciliation.Table(results));
        var result = Assert.Single(results);
        Assert.Equal("qemu-virtiofs+soak-control-model", result.Provider);
        Assert.True(result.InjectedByKind.GetValueOrDefault("spurious_enoent_open") > 0, "the rate shows in 40 s");
        // spurious ENOENT on opens maps one to one; the post-pause window (EIO here, to keep them apart) fails lookups,
        // which the guest retries once and some callers absorb: bounds (InjectionReconciliation)
        var enoent = Assert.Single(result.Checks, c => c.Name == "operation_error ENOENT");
        Assert.True(enoent.Exact && enoent.Injected == enoent.Detected, $"ENOENT: injected {enoent.Injected}, detected {enoent.Detected}");
        var eio = Assert.Single(result.Checks, c => c.Name == "operation_error EIO");
        Assert.True(eio.Detected > 0 && eio.Agrees, $"EIO after the pause: injected {eio.Injected}..{eio.UpperBound}, detected {eio.Detected}");
        Assert.All(result.Checks, c => Assert.True(c.Agrees, $"{c.Name}: injected {c.Injected}, detected {c.Detected}"));

        // leaked descriptors: virtiofsd's open descriptors grow by at least the number leaked
        var leak = Assert.Single(result.Checks, c => c.Name == "fd_leak");
        Assert.True(leak.Injected > 5, $"only {leak.Injected} leaks");
        Assert.True(leak.Detected >= leak.Injected, $"vmm.csv growth {leak.Detected} < {leak.Injected} leaked");

        // the post-pause window: failures after the pause, and a recovery time of at least part of the window
        Assert.True(result.InjectedByKind.Keys.Any(k => k.StartsWith("post_freeze")), "no post-freeze injection");
        var classes = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "classes.json")))!;
        var pause = classes["recoveries"]!.AsArray().Single(x => ((string?)x!["fault"])!.StartsWith("pause"))!;
        double? recovery = (double?)pause["recovery_s"];
        Assert.True(recovery is >= 1.0, $"recovery after the pause {recovery} s: the 3 s window of failing lookups should show");
        var rows = File.ReadAllLines(Path.Combine(dir, "timeseries.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Contains(rows, f => double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture) is > 19 and < 26 && long.Parse(f[3]) > 0);
    }
}
