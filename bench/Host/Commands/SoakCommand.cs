using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using FsBench.Host.Soak;
using FsBench.Host.Study;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench soak --provider P [--mount bind|overlay|volume] [--workers W] [--duration 10m] [--rate N/s | --closed-loop]
/// [--faults SPEC] [--out DIR]: a long agent-like load with fault injection, into a soak run folder.
/// </summary>
public static class SoakCommand
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "the provider under test (see fsbench providers)", Required = true };
        var mount = new Option<string>("--mount") { Description = "bind | overlay | volume", DefaultValueFactory = _ => "bind" };
        mount.AcceptOnlyFromAmong(Providers.MountModes.All);
        var workers = new Option<int>("--workers") { Description = "concurrent workers (1-256)", DefaultValueFactory = _ => 4 };
        workers.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--workers must be between 1 and 256"); });
        var duration = DurationOption("--duration", "how long the load runs (e.g. 90s, 10m, 1h)", "10m");
        var rate = new Option<double?>("--rate") { Description = "open loop: target ops/s over all workers, e.g. 200 or 200/s (default 100/s)", CustomParser = ParseRate };
        var closed = new Option<bool>("--closed-loop") { Description = "closed loop: each worker runs ops back to back (no target rate)" };
        var faults = new Option<string>("--faults")
        {
            Description = $"what to inject and when: KIND:KEY=VALUE,...;... with KIND {Providers.Faults.FaultNames.List} and KEY at|every|for|count, " +
                          "e.g. pause:every=60s,for=5s;freeze:at=30s,for=5s;stall:at=120s,for=10s;kill:at=300s",
            DefaultValueFactory = _ => "",
        };
        faults.Validators.Add(r =>
        {
            try { FaultSpecParser.Parse(r.GetValueOrDefault<string>()); }
            catch (StudyException e) { r.AddError(e.Message); }
        });
        var stall = DurationOption("--stall-threshold", "an op slower than this (from its intended start) is a stall", "1s");
        var window = DurationOption("--window", "length of one probe window = one time-series row", "1s");
        var kbEvery = DurationOption("--knownbugs-every", "run the known-bug reproducers under load this often", "60s");
        var kbRuns = new Option<int>("--knownbugs-runs") { Description = "runs of each reproducer per pass (0: none, not even idle)", DefaultValueFactory = _ => 3 };
        var hang = DurationOption("--hang-timeout", "no answer from the probe for this long is a mount failure (raised to cover the longest fault)", "60s");
        var restarts = new Option<int>("--restarts") { Description = "after a mount failure, restart the provider and go on, at most N times", DefaultValueFactory = _ => 0 };
        var mix = new Option<string?>("--mix") { Description = $"the action mix (default {SoakMix.DefaultFile})" };
        var outDir = OutOption.Create("the soak's run folder (default: results/<run-id>)");
        var results = new Option<string>("--results") { Description = "where run folders go", DefaultValueFactory = _ => "results" };
        var scratch = ScratchOption.Create();
        var probe = new Option<string>("--probe") { Description = "the probe binary (NativeAOT)", DefaultValueFactory = _ => ".cache/probe/linux-x64/fsprobe" };

        var cmd = new Command("soak", "A long agent-like load with fault injection: failures by class, recovery times, VMM descriptors")
        {
            provider, mount, workers, duration, rate, closed, faults, stall, window, kbEvery, kbRuns, hang, restarts, mix, outDir, results, scratch, probe,
        };
        cmd.Validators.Add(r =>
        {
            if (r.GetValue(closed) && r.GetValue(rate) is not null) r.AddError("--rate and --closed-loop exclude each other");
        });
        cmd.SetAction(async (parse, ct) =>
        {
            var s = new SoakSettings
            {
                Provider = parse.GetValue(provider)!,
                Mount = parse.GetValue(mount)!,
                Workers = parse.GetValue(workers),
                Duration = parse.GetValue(duration),
                Rate = parse.GetValue(closed) ? 0 : parse.GetValue(rate) ?? 100,
                Faults = parse.GetValue(faults) ?? "",
                StallThreshold = parse.GetValue(stall),
                Window = parse.GetValue(window),
                KnownBugEvery = parse.GetValue(kbEvery),
                KnownBugRuns = Math.Max(0, parse.GetValue(kbRuns)),
                HangTimeout = parse.GetValue(hang),
                Restarts = Math.Max(0, parse.GetValue(restarts)),
                MixPath = Path.GetFullPath(parse.GetValue(mix) ?? SoakMix.DefaultPath()),
                ScratchDir = Path.GetFullPath(parse.GetValue(scratch)!),
                ProbePath = Path.GetFullPath(parse.GetValue(probe)!),
            };
            if (s.Duration < TimeSpan.FromSeconds(2)) throw new StudyException("--duration must be at least 2s");
            if (s.Window < TimeSpan.FromMilliseconds(100) || s.Window > TimeSpan.FromMinutes(1)) throw new StudyException("--window must be between 100ms and 1m");
            string runId = $"{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.MachineName}-soak-{s.Provider}";
            string dir = parse.GetValue(outDir) ?? Path.Combine(parse.GetValue(results)!, runId);
            return await SoakRun.RunAsync(s, dir, ct);
        });
        return cmd;
    }

    private static Option<TimeSpan> DurationOption(string name, string description, string defaultText) => new(name)
    {
        Description = $"{description} (default {defaultText})",
        DefaultValueFactory = _ => DurationText.Parse(defaultText, name),
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : defaultText;
            if (DurationText.TryParse(text, out var d) && d > TimeSpan.Zero) return d;
            r.AddError($"{name}: '{text}' is not a duration (examples: 500ms, 5s, 10m, 1h)");
            return TimeSpan.Zero;
        },
    };

    private static double? ParseRate(ArgumentResult r)
    {
        string text = r.Tokens.Count > 0 ? r.Tokens[0].Value.Trim() : "";
        if (text.EndsWith("/s", StringComparison.Ordinal)) text = text[..^2];
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)) return v;
        r.AddError($"--rate: '{r.Tokens.FirstOrDefault()?.Value}' is not a positive rate (e.g. 200 or 200/s; --closed-loop for none)");
        return null;
    }
}
