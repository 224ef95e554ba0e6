using FsBench.Host.Providers;
using Xunit.Abstractions;

namespace FsBench.Tests.FaultModel;

/// <summary>What each known-bug reproducer should show on the avf fault model (the deviation the model injects), by name.</summary>
public static class ModelledBugs
{
    public static readonly IReadOnlyDictionary<string, string> OnAvf = new Dictionary<string, string>
    {
        ["mkdir_mode0"] = "EACCES, created anyway",
        ["create_excl_0000"] = "EACCES, created anyway",
        ["create_excl_0200"] = "EACCES, created anyway",
        ["create_excl_0444"] = "EACCES, created anyway",
        ["hardlink_coherence"] = "nlink",
        ["hardlink_to_fresh_symlink"] = "EIO, created anyway",
        ["setxattr_readonly"] = "EACCES",   // its 0444 file is an exclusive create, which the model refuses first (still a deviation)
        ["open_multilink"] = "EACCES",      // apple/container#1251
        ["git_object_write"] = "EPERM",     // anthropics/claude-code#62545
        ["chmod_share_root"] = "EPERM",     // siderolabs/talos#14058
    };
}

/// <summary>Positive control: on the avf fault model, inside the real virtiofsd, every modelled known bug deviates.</summary>
[Collection("qemu")]
public sealed class KnownBugsOnAvfModelTests(AvfModelGuest guest, ITestOutputHelper output) : IClassFixture<AvfModelGuest>
{
    [RequiresFact("qemu+faultmodel")]
    public async Task Every_modelled_known_bug_deviates_and_each_deviation_is_in_the_injection_log()
    {
        Assert.Contains("FAULT MODEL", guest.Info!.Settings["fault_model"]);
        Assert.Matches("^[0-9a-f]{64}$", guest.Info.Settings["fault_model_sha256"]);
        Assert.Equal("bench/faultmodel/models/avf.json", guest.Info.Settings["fault_model_file"]);

        await using var session = await guest.SessionAsync(MountModes.Bind);
        var reply = await session.KnownBugsAsync(2, ModelledBugs.OnAvf.Keys.ToArray());
        foreach (var r in reply.Results)
        {
            output.WriteLine($"{r.Name}: {r.Deviations}/{r.Runs} {string.Join("; ", r.Outcomes.Select(o => $"{o.Key} x{o.Value}"))}");
            Assert.True(r.Deviations == r.Runs, $"{r.Name} should deviate on every run: {r.Deviations}/{r.Runs}");
            Assert.All(r.Outcomes.Keys, o => Assert.Contains(ModelledBugs.OnAvf[r.Name], o));
        }
        var kinds = guest.Injections().Select(i => i.Kind).ToHashSet();
        output.WriteLine("injected: " + string.Join(",", kinds));
        foreach (var k in new[] { "mkdir_mode0", "create_excl", "nlink_stale", "link_fresh_symlink" }) Assert.Contains(k, kinds);
        Assert.All(guest.Injections().Where(i => i.Kind == "mkdir_mode0"), i => Assert.EndsWith("/m0", i.Path));
    }
}

/// <summary>The control: the same library with every behaviour off changes nothing; no known bug deviates.</summary>
[Collection("qemu")]
public sealed class KnownBugsOnNoneModelTests(NoneModelGuest guest, ITestOutputHelper output) : IClassFixture<NoneModelGuest>
{
    [RequiresFact("qemu+faultmodel")]
    public async Task No_known_bug_deviates_and_nothing_is_injected()
    {
        Assert.StartsWith("none (a FAULT MODEL", guest.Info!.Settings["fault_model"]);
        await using var session = await guest.SessionAsync(MountModes.Bind);
        var reply = await session.KnownBugsAsync(2, ModelledBugs.OnAvf.Keys.ToArray());
        foreach (var r in reply.Results)
        {
            output.WriteLine($"{r.Name}: {r.Deviations}/{r.Runs} {string.Join("; ", r.Outcomes.Keys)}");
            Assert.Equal(0, r.Deviations);
        }
        Assert.Empty(guest.Injections());
    }
}
