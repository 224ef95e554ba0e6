using System.Text;
using FsBench.Probe.Session;

// fsprobe --root DIR [--channel PATH]
// Serves JSON-lines requests on stdin/stdout, or on a character device such as a virtio-serial port.
string? root = null, channel = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--root" when i + 1 < args.Length: root = args[++i]; break;
        case "--channel" when i + 1 < args.Length: channel = args[++i]; break;
        default:
            Console.Error.WriteLine($"fsprobe: unknown argument '{args[i]}'; usage: fsprobe --root DIR [--channel PATH]");
            return 2;
    }
}
if (root is null)
{
    Console.Error.WriteLine("fsprobe: --root DIR is required");
    return 2;
}

ScratchRoot scratch;
try { scratch = new ScratchRoot(root); }
catch (ProbeException e) { Console.Error.WriteLine($"fsprobe: {e.Message}"); return 2; }

var utf8 = new UTF8Encoding(false);
if (channel is null)
    return new ProbeServer(scratch, new StreamReader(Console.OpenStandardInput(), utf8), new StreamWriter(Console.OpenStandardOutput(), utf8)).Serve();

using var port = new FileStream(channel, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.None);
return new ProbeServer(scratch, new StreamReader(port, utf8), new StreamWriter(port, utf8)).Serve();
