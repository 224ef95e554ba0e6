using System.CommandLine;
using FsBench.Host.Providers.Machine;
using FsBench.Host.Providers.Machine.MacStudy;
using FsBench.Host.Study;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench mac-study: the whole Mac plan (preflight, machine operational cost, alternating benchmark repetitions,
/// soaks with faults, GPU probe, memo), resumable: `--out DIR` of an interrupted study continues where it stopped.
/// </summary>
public static class MacStudyCommand
{
    public static Command Create()
    {
        var outDir = new Option<string?>("--out") { Description = "the study folder (an existing one with a plan.json resumes)" };
        var results = new Option<string>("--results") { Description = "where study folders go", DefaultValueFactory = _ => "results" };
        var probe = new Option<string>("--probe") { Description = "the host probe path (the linux-arm64 probe is its sibling)", DefaultValueFactory = _ => ".cache/probe/linux-arm64/fsprobe" };
        var analysis = new Option<string?>("--analysis") { Description = "the analysis dll (for the memo)" };
        var providers = new Option<string>("--providers") { Description = "applehv,libkrun (the order of odd repetitions)", DefaultValueFactory = _ => "applehv,libkrun" };
        var profile = new Option<string>("--profile") { Description = "smoke | standard | thorough", DefaultValueFactory = _ => "standard" };
        profile.AcceptOnlyFromAmong(StudySettings.ProfileNames);
        var reps = new Option<int>("--repetitions") { Description = "benchmark repetitions (each runs every provider once, order alternating)", DefaultValueFactory = _ => 4 };
        var soak = new Option<string>("--soak-duration") { Description = "each provider's soak", DefaultValueFactory = _ => "30m" };
        var faults = new Option<string>("--soak-faults") { Description = "the soaks' faults (see soak --faults)", DefaultValueFactory = _ => new MacStudySettings().SoakFaults };
        var noGpu = new Option<bool>("--no-gpu") { Description = "skip the GPU probe" };

        var cmd = new Command("mac-study", "Run the whole Mac study (applehv against libkrun), one machine at a time; resumable")
            { outDir, results, probe, analysis, providers, profile, reps, soak, faults, noGpu };
        cmd.SetAction(async (parse, ct) =>
        {
            var host = HostPlatform.Current();
            if (host is not (HostKind.MacAppleSilicon or HostKind.MacIntel))
                throw new StudyException($"mac-study needs macOS (podman machines with applehv and libkrun); this is {host}: run the Linux study with ./run-bench.sh");
            var list = parse.GetValue(providers)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length == 0 || list.FirstOrDefault(p => p is not ("applehv" or "libkrun")) is { } bad && bad is not null)
                throw new StudyException($"--providers: '{string.Join(",", list)}' (applehv and/or libkrun)");
            if (parse.GetValue(reps) < 1) throw new StudyException("--repetitions must be at least 1");
            string dir = Path.GetFullPath(parse.GetValue(outDir) ?? Path.Combine(parse.GetValue(results)!, $"{DateTime.Now:yyyyMMdd-HHmmss}-mac-study"));
            Directory.CreateDirectory(dir);
            var plan = MacStudyPlan.Load(dir);
            if (plan is null)
            {
                plan = MacStudyPlanner.Build(new MacStudySettings
                {
                    Providers = list, Profile = parse.GetValue(profile)!, Repetitions = parse.GetValue(reps),
                    SoakDuration = parse.GetValue(soak)!, SoakFaults = parse.GetValue(faults)!, Gpu = !parse.GetValue(noGpu),
                    KeepMachines = MachineSettings.FromEnvironment().Keep,
                });
                plan.Save(dir);
            }
            else Console.WriteLine($"fsbench mac-study: resuming {dir}: {plan.Steps.Count(s => s.Status == MacStepStatus.Done)} of {plan.Steps.Count} steps done");

            var machine = MachineSettings.FromEnvironment();
            string hostProbe = Path.GetFullPath(parse.GetValue(probe)!);
            string guestProbe = machine.GuestProbeFor(hostProbe);
            var paths = new MacStudyPaths(hostProbe, guestProbe, Path.GetFullPath(parse.GetValue(results)!), machine);
            var version = await new PodmanCli().VersionAsync(ct) ?? throw new StudyException("podman is not installed: the pkg installer from podman.io, or brew install podman");
            var tools = new RealMacStudyTools(version, parse.GetValue(analysis),
                async c => MacPreflight.Evaluate(await PreflightGather.FactsAsync(plan.Settings.Providers, machine, guestProbe, c)));
            int exit = await new MacStudyRunner(tools, dir, plan, paths, l => Console.WriteLine($"fsbench mac-study: {l}")).RunAsync(ct);
            Console.WriteLine($"fsbench mac-study: {dir} ({(exit == 0 ? "complete" : "some steps failed: see plan.json; rerun with --out to retry them")})");
            return exit;
        });
        return cmd;
    }
}
