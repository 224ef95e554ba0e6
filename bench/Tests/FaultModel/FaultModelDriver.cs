using System.Diagnostics;
using FsBench.Host.Providers.Qemu;

namespace FsBench.Tests.FaultModel;

/// <summary>
/// fm-driver.c, compiled once per test class: it calls libc the way virtiofsd does, with the fault model library
/// preloaded into it, so each behaviour of the library can be checked on the host in milliseconds (the same library
/// is tested inside the real virtiofsd by the guest tests).
/// </summary>
public sealed class FaultModelDriver : IDisposable
{
    private readonly TempDir _build = new();
    public string? Driver { get; }

    public FaultModelDriver()
    {
        if (Requirements.MissingFaultModel() is not null) return;   // the tests skip with the reason
        string cc = new[] { "/usr/bin/cc", "/usr/bin/clang" }.First(File.Exists);
        string exe = Path.Combine(_build.Path, "fm-driver");
        var psi = new ProcessStartInfo(cc) { RedirectStandardError = true };
        foreach (var a in new[] { "-O2", "-o", exe, Path.Combine(Requirements.RepoRoot, "bench/Tests/FaultModel/fm-driver.c") }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"fm-driver.c does not compile: {err}");
        Driver = exe;
    }

    /// <summary>Runs the commands in <paramref name="dir"/> with the model file preloaded; returns one line per command and the log.</summary>
    public (string[] Lines, IReadOnlyList<InjectionLogFormat.Injection> Log) Run(string dir, string modelJson, params string[] commands)
    {
        string model = Path.Combine(dir, "..", Path.GetFileName(dir) + ".model.json");
        string log = Path.Combine(dir, "..", Path.GetFileName(dir) + InjectionLogFormat.Suffix);
        File.WriteAllText(model, modelJson);
        File.WriteAllText(log, InjectionLogFormat.Header + "\n");
        var psi = new ProcessStartInfo(Driver!) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var c in commands) psi.ArgumentList.Add(c);
        psi.Environment["LD_PRELOAD"] = FsBench.Host.Providers.Qemu.FaultModel.Library()!;
        psi.Environment["FSBENCH_FAULT_MODEL"] = model;
        psi.Environment["FSBENCH_FAULT_LOG"] = log;
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"fm-driver exit {p.ExitCode}: {stderr}");
        Assert.Contains("faultmodel: model", stderr);   // the library loaded the model
        return (output.Split('\n', StringSplitOptions.RemoveEmptyEntries), InjectionLogFormat.Read(log));
    }

    /// <summary>A model file with one behaviour on.</summary>
    public static string Model(string behaviour, string fields, int seed = 7) =>
        $$"""{ "model": "test-{{behaviour}}", "seed": {{seed}}, "behaviours": { "{{behaviour}}": { {{fields}} } } }""";

    public void Dispose() => _build.Dispose();
}
