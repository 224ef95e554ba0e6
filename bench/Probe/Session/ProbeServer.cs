using System.Text.Json;
using FsBench.Probe.KnownBugs;
using FsBench.Protocol;

namespace FsBench.Probe.Session;

/// <summary>
/// The probe's channel: one JSON request per line in, one JSON reply per line out, until "quit" or
/// end of input. A bad request gets an "error" reply; the probe keeps serving.
/// </summary>
public sealed class ProbeServer(ScratchRoot scratch, TextReader input, TextWriter output)
{
    private readonly BatchRunner _runner = new(scratch);
    private readonly KnownBugRunner _knownBugs = new(scratch);
    private Soak.SoakRunner? _soak;
    private readonly Replay.ReplayRunner _replay = new(scratch);
    private readonly Coherence.CoherencePoller _coherence = new(scratch);

    public int Serve()
    {
        try
        {
            while (input.ReadLine() is { } line)
            {
                if (line.Length == 0) continue;
                var (reply, quit) = Handle(line);
                output.Write(reply);
                output.Write('\n');
                output.Flush();
                if (quit) return 0;
            }
            return 0;
        }
        finally
        {
            scratch.RemoveCreated();
        }
    }

    private (string Reply, bool Quit) Handle(string line)
    {
        try
        {
            var req = JsonSerializer.Deserialize(line, ProtocolJson.Default.ProbeRequest)
                      ?? throw new ProbeException("empty request");
            return req.Cmd switch
            {
                "hello" => (JsonSerializer.Serialize(Hello(), ProtocolJson.Default.HelloReply), false),
                "batch" => (JsonSerializer.Serialize(_runner.Run(req), ProtocolJson.Default.BatchResult), false),
                "knownbugs" => (JsonSerializer.Serialize(_knownBugs.Run(req), ProtocolJson.Default.KnownBugReply), false),
                "soak" => (JsonSerializer.Serialize((_soak ??= new Soak.SoakRunner(scratch, _knownBugs)).Run(req), ProtocolJson.Default.SoakReply), false),
                "soakbugs" => (JsonSerializer.Serialize((_soak ??= new Soak.SoakRunner(scratch, _knownBugs)).AwaitBugPass(TimeSpan.FromMilliseconds(req.WindowMs)),
                    ProtocolJson.Default.KnownBugReply), false),
                "soakprep" => (Status("ok", (_soak ??= new Soak.SoakRunner(scratch, _knownBugs)).Prepare(req)), false),
                "replay" => (JsonSerializer.Serialize(_replay.Run(req), ProtocolJson.Default.ReplayReply), false),
                "coherence" => (JsonSerializer.Serialize(_coherence.Run(req), ProtocolJson.Default.CoherenceReply), false),
                "cleanup" => (Status("ok", Cleanup(req.DropCaches)), false),
                "quit" => (Status("bye", "bye"), true),
                _ => throw new ProbeException($"unknown cmd '{req.Cmd}' (hello|batch|knownbugs|soak|soakbugs|soakprep|replay|coherence|cleanup|quit)"),
            };
        }
        catch (JsonException e) { return (Status(ProbeProtocol.Error, $"malformed request: {e.Message}"), false); }
        catch (ProbeException e) { return (Status(ProbeProtocol.Error, e.Message), false); }
        catch (Exception e) { return (Status(ProbeProtocol.Error, $"{e.GetType().Name}: {e.Message}"), false); }
    }

    private string Cleanup(bool dropCaches)
    {
        scratch.RemoveCreated();
        if (!dropCaches) return "removed the probe's directories";
        // 2 = reclaim dentries and inodes (not the page cache): each evicted FUSE inode sends FORGET to the file server.
        try { File.WriteAllText(GuestCaches.DropCachesFile, "2"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"removed the probe's directories; could not drop the guest's caches ({GuestCaches.DropCachesFile}: {e.Message})";
        }
        return $"removed the probe's directories; {GuestCaches.Dropped}";
    }

    private HelloReply Hello()
    {
        var (release, machine) = SystemInfo.Uname();
        return new HelloReply
        {
            Pid = Environment.ProcessId,
            Kernel = release,
            Arch = machine,
            Root = scratch.Root,
            FsType = SystemInfo.FsType(scratch.Root),
            Ops = OperationCatalog.Advertised,
            KnownBugs = [.. KnownBugCatalog.All.Select(p => p.Name)],
        };
    }

    private static string Status(string type, string message) =>
        JsonSerializer.Serialize(new StatusReply { Type = type, Message = message }, ProtocolJson.Default.StatusReply);
}
