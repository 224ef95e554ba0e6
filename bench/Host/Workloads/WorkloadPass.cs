using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsBench.Host.Channel;
using FsBench.Host.Providers;
using FsBench.Host.Study;
using FsBench.Protocol;

namespace FsBench.Host.Workloads;

/// <summary>
/// Replays the run's workloads on every provider: warmup repetitions first (not recorded), then the measured ones, each
/// repetition on every provider in turn (local first), so drift of the machine touches every provider alike. Each
/// repetition is a fresh session and workspace; its reply goes to workloads/&lt;provider&gt;.&lt;mount&gt;.&lt;workload&gt;.r&lt;N&gt;.json
/// and a row of workloads.csv. A provider whose channel dies is skipped for the rest of the pass; the rows measured stay.
/// </summary>
public static class WorkloadPass
{
    public static readonly TimeSpan ReplayTimeout = TimeSpan.FromMinutes(20);

    /// <summary>What the manifest records about the traces: file, size, SHA-256 and their first line.</summary>
    public static JsonObject Describe(StudySettings s)
    {
        var o = new JsonObject();
        foreach (var w in s.Workloads.Select(n => WorkloadCatalog.Find(n)!))
        foreach (var t in w.Setup.Append(w.Trace).Distinct())
        {
            if (o.ContainsKey(t)) continue;
            string path = WorkloadCatalog.TracePath(s.TracesDir, t);
            byte[] bytes = File.ReadAllBytes(path);
            string first = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 400))).Split('\n')[0];
            o[t] = new JsonObject
            {
                ["file"] = Path.GetFileName(path), ["bytes"] = bytes.Length,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)), ["recorded"] = first,
            };
        }
        return o;
    }

    public static async Task RunAsync(RunFolder folder, IReadOnlyList<IProvider> providers, StudySettings s, ProviderContext ctx, CancellationToken ct)
    {
        if (s.Workloads.Length == 0) return;
        var layout = folder.Layout;
        if (!File.Exists(layout.Workloads)) RunFormatCsv.CreateEmpty<WorkloadRow>(layout.Workloads);
        var replayCtx = ctx with { BatchTimeout = ctx.BatchTimeout > ReplayTimeout ? ctx.BatchTimeout : ReplayTimeout };
        var dead = new HashSet<string>();
        foreach (var w in s.Workloads.Select(n => WorkloadCatalog.Find(n)!))
        {
            string trace = await File.ReadAllTextAsync(WorkloadCatalog.TracePath(s.TracesDir, w.Trace), ct);
            var setup = new List<string>();
            foreach (var t in w.Setup) setup.Add(await File.ReadAllTextAsync(WorkloadCatalog.TracePath(s.TracesDir, t), ct));
            for (int rep = -s.WorkloadWarmup; rep < s.WorkloadRuns; rep++)
            foreach (var p in providers.Where(p => !dead.Contains(p.Name)))
            {
                string mount = MountFor(p, s.Mounts);
                var req = new ProbeRequest { Workload = w.Name, Trace = trace, SetupTraces = setup.ToArray() };
                try
                {
                    await using var session = await p.OpenSessionAsync(replayCtx, mount, ct);
                    var reply = await session.ReplayAsync(req, ct);
                    await session.CleanupAsync(ct: ct);
                    string label = rep < 0 ? "warmup" : $"rep {rep + 1}/{s.WorkloadRuns}";
                    Console.WriteLine($"fsbench: workload {w.Name} on {p.Name}/{mount} ({label}): {reply.WallNs / 1e9:0.000} s, " +
                                      $"{reply.Calls} calls on {reply.Lanes} workers, {reply.Failures} failure(s)");
                    if (rep < 0) continue;
                    WorkloadReplyFile.Write(layout.WorkloadReply(p.Name, mount, w.Name, rep + 1), reply);
                    RunFormatCsv.Append(layout.Workloads, new WorkloadRow
                    {
                        Provider = p.Name, Mount = mount, Workload = w.Name, Rep = rep + 1, Calls = reply.Calls, Lanes = reply.Lanes,
                        WallNs = reply.WallNs, SetupNs = reply.SetupNs, Failures = reply.Failures, FailuresByErrno = reply.FailuresByErrno,
                    });
                }
                catch (ProbeChannelException e)
                {
                    Console.WriteLine($"fsbench: workload {w.Name} on {p.Name}/{mount} not run: {e.Message}");
                    if (e is not ProbeRequestException) dead.Add(p.Name);
                }
            }
        }
    }

    /// <summary>Workloads run on the bind mount (the shared directory itself) when the run has it.</summary>
    private static string MountFor(IProvider p, string[] runMounts)
    {
        var mounts = p.Mounts.Where(runMounts.Contains).ToList();
        return mounts.Contains(MountModes.Bind) ? MountModes.Bind : mounts.FirstOrDefault() ?? p.Mounts[0];
    }
}
