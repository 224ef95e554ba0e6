using System.Text.RegularExpressions;
using Analysis.Tests.Synthetic;
using FsBench.RunFormat;

namespace Analysis.Tests;

/// <summary>The shared run-folder contract (bench/RunFormat): versions, kinds, round trips, and its documentation.</summary>
public sealed class RunFormatTests
{
    [Fact]
    public void AVersion1ManifestWithoutKindOrVersionReadsAsABenchmarkRunWithItsDefaults()
    {
        using var run = new SyntheticRun().Write();   // writes the version 1 shape: no format_version, no kind
        var head = ManifestReader.ReadHead(run.Directory);
        Assert.Equal(1, head.Version);
        Assert.Equal(RunKinds.Bench, head.KindOrDefault);
        var manifest = ManifestReader.ReadBench(run.Directory);
        Assert.Equal("synthetic-host", manifest.Host.Hostname);
        Assert.Equal([1, 4], manifest.Settings.Workers);
        Assert.Empty(manifest.Settings.Providers);   // absent in the file: the record's default, not null
    }

    [Fact]
    public void CompareWithASoakFolderSaysItIsASoakRunInOneLine()
    {
        using var bench = new SyntheticRun().Write();
        using var soak = new SyntheticRun().Write();
        File.WriteAllText(soak.PathOf("manifest.json"), """{ "kind": "soak", "status": "complete", "run_id": "s", "host": { "hostname": "h" } }""");

        var result = CliRunner.Run("compare", bench.Directory, soak.Directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Err.Trim().Split('\n'));
        Assert.Contains(soak.PathOf("manifest.json"), result.Err);
        Assert.Contains("is a soak run's manifest, not a benchmark run's", result.Err);
    }

    [Fact]
    public void ANewerFormatVersionIsRefusedNamingTheFile()
    {
        using var run = new SyntheticRun().Write();
        File.WriteAllText(run.PathOf("manifest.json"), """{ "format_version": 99, "status": "complete", "host": { "hostname": "h" } }""");
        var e = Assert.Throws<RunFormatException>(() => ManifestReader.ReadBench(run.Directory));
        Assert.StartsWith(run.PathOf("manifest.json") + ": format_version 99", e.Message);
    }

    [Fact]
    public void AFaultFolderManifestRoundTripsWithItsWindowAndIsRefusedAsABenchmarkRun()
    {
        using var run = new SyntheticRun().Write();
        var start = new DateTime(2026, 1, 1, 0, 10, 0, DateTimeKind.Utc);
        RunFormatJson.Write(run.PathOf("manifest.json"), new FaultRunManifest
        {
            RunId = "f", Status = RunStatus.Complete, Provider = "qemu-virtiofs", Host = new HostInfo { Hostname = "h" },
            Fault = new FaultInfo { Kind = "freeze", ForS = 30, Mechanism = "SIGSTOP" },
            FaultsApplied = [new FaultWindowInfo { Fault = "freeze#1", Kind = "freeze", StartS = 0, EndS = 30, StartUtc = start, EndUtc = start.AddSeconds(30) }],
        });
        var m = ManifestReader.ReadFault(run.Directory);
        Assert.Equal(RunKinds.Fault, m.Kind);
        Assert.Equal(ManifestFormat.Current, m.FormatVersion);
        Assert.Equal(30, Assert.Single(m.FaultsApplied).EndS);
        Assert.Equal("freeze", m.Fault.Kind);
        var e = Assert.Throws<RunFormatException>(() => ManifestReader.ReadBench(run.Directory));
        Assert.Contains("is a fault folder's manifest, not a benchmark run's", e.Message);
    }

    [Fact]
    public void AProbeCaseKeepsItsLaunchesAndWarmupApartThroughAWriteAndRead()
    {
        string path = Path.Combine(Path.GetTempPath(), $"runformat-{Guid.NewGuid():N}.json");
        try
        {
            RunFormatJson.Write(path, new ProbeCase
            {
                Provider = "local", Mount = "bind", Op = "stat", Workers = 1, Ops = 10, Batches = 1, WarmupBatches = 1, WarmupOps = 7,
                WarmupErrnos = new() { ["ENOENT"] = 2 },
                Launches = [new ProbeLaunch { Repetition = 1, Ops = 10, Batches = [new ProbeBatch { Index = 0, Warmup = true, Ops = 7 }, new ProbeBatch { Index = 1, Ops = 10 }] }],
            });
            var c = RunFormatJson.Read<ProbeCase>(path);
            Assert.Equal((1, 7L, 2L), (c.WarmupBatches, c.WarmupOps, c.WarmupErrnos["ENOENT"]));
            var launch = Assert.Single(c.Launches);
            Assert.Equal([true, false], launch.Batches.Select(b => b.Warmup));
            Assert.Contains("\"warmup_ops\": 7", File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void CsvRowsRoundTripThroughTheSharedWriterAndReader()
    {
        string path = Path.Combine(Path.GetTempPath(), $"runformat-{Guid.NewGuid():N}.csv");
        try
        {
            RunFormatCsv.CreateEmpty<KnownBugRow>(path);
            RunFormatCsv.Append(path, new KnownBugRow { Provider = "p", Mount = "bind", Condition = "idle", Probe = "x", Runs = 5, Deviations = 2, Outcomes = "EACCES, \"created\": 2\nnext" });
            Assert.Equal("provider,mount,condition,probe,runs,deviations,outcomes", File.ReadLines(path).First());
            var row = Assert.Single(RunFormatCsv.Read<KnownBugRow>(path));
            Assert.Equal("EACCES, \"created\": 2\nnext", row.Outcomes);
            Assert.Equal(2, row.Deviations);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_mac_study_plan_as_the_host_wrote_it_before_the_record_reads_and_writes_back_the_same_names()
    {
        string dir = Directory.CreateTempSubdirectory("fsbench-plan-").FullName;
        try
        {
            // the shape MacStudyPlan's own serializer wrote (snake_case names and enum values, nulls written)
            File.WriteAllText(Path.Combine(dir, RunFolderLayout.PlanFile), """
                {
                  "format_version": 1,
                  "settings": { "providers": ["applehv", "libkrun"], "profile": "standard", "repetitions": 2, "soak_duration": "30m",
                                "soak_faults": "freeze:every=300s,for=20s", "gpu": true, "keep_machines": false },
                  "steps": [
                    { "id": "opcost-applehv", "kind": "op_cost", "provider": "applehv", "repetition": 0, "status": "done",
                      "started": "2026-11-30T10:00:00Z", "finished": "2026-11-30T10:03:00Z", "attempts": 1, "out": null, "detail": null },
                    { "id": "bench-r1-libkrun", "kind": "bench", "provider": "libkrun", "repetition": 1, "status": "pending",
                      "started": null, "finished": null, "attempts": 0, "out": null, "detail": null }
                  ]
                }
                """);
            var plan = MacStudyPlan.Load(dir)!;
            Assert.Equal(["applehv", "libkrun"], plan.Settings.Providers);
            Assert.Equal([MacStepKind.OpCost, MacStepKind.Bench], plan.Steps.Select(s => s.Kind));
            Assert.Equal([MacStepStatus.Done, MacStepStatus.Pending], plan.Steps.Select(s => s.Status));
            plan.Steps[1].Status = MacStepStatus.Running;
            plan.Save(dir);
            string written = File.ReadAllText(Path.Combine(dir, RunFolderLayout.PlanFile));
            Assert.Contains("\"kind\": \"op_cost\"", written);
            Assert.Contains("\"status\": \"running\"", written);
            Assert.Contains("\"soak_duration\": \"30m\"", written);
            Assert.Null(MacStudyPlan.Load(Path.Combine(dir, "elsewhere")));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Startup_costs_are_the_numeric_timed_steps_of_available_providers_in_the_order_a_user_meets_them()
    {
        var manifest = new BenchManifest
        {
            Providers =
            [
                new ProviderEntry { Name = "libkrun", Available = true, Settings = ManifestValues.Of(new Dictionary<string, string>
                    { ["warm_start_s"] = "4.5", ["init_s"] = "reused", ["stop_s"] = "1.25", ["cache"] = "auto" }) },
                new ProviderEntry { Name = "applehv", Available = false, Settings = ManifestValues.Of(new Dictionary<string, string> { ["init_s"] = "9.0" }) },
            ],
        };
        var rows = StartupCosts.Of(manifest);
        Assert.Equal([new StartupCostRow("libkrun", "stop", 1.25), new StartupCostRow("libkrun", "warm start", 4.5)], rows);
    }

    [Fact]
    public void EveryFileResultsReadmeNamesHasARecordAndEveryRecordIsDocumented()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "results", "README.md"));
        var named = Regex.Matches(readme, @"^\| `([^`]+)`", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(", "))
            .Select(n => n.Trim('`'))
            .ToHashSet();
        var documented = RunFolderLayout.Records.Keys.Concat(RunFolderLayout.NotRecords).Concat(RunFolderLayout.NotYetRecords).ToHashSet();
        foreach (string file in named)
            Assert.True(documented.Contains(file) || RunFolderLayout.NotRecords.Any(n => n.EndsWith('/') && file.StartsWith(n, StringComparison.Ordinal)),
                $"results/README.md names {file}, which has no record in bench/RunFormat (RunFolderLayout.Records) nor is listed as not a record");
        foreach (string file in RunFolderLayout.Records.Keys)
            Assert.True(named.Contains(file), $"{file} has a record ({RunFolderLayout.Records[file].Name}) but results/README.md does not name it in a file table");
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Bench.sln"))) return d.FullName;
        throw new InvalidOperationException("Bench.sln not found above the test binary");
    }
}
