using System.CommandLine;
using FsBench.Host.Channel;
using FsBench.Host.Commands;
using FsBench.Host.Study;

// fsbench run | providers. Errors the user can fix are one line and a non-zero exit, never a stack trace.
var root = new RootCommand("virtio-fs provider study: file-metadata latency, throughput and failures per provider")
{
    RunCommand.Create(),
    ProvidersCommand.Create(),
    DoctorCommand.Create(),
    MigrateCommand.Create(),
    GpuCommand.Create(),
    FaultCommand.Create(),
    SoakCommand.Create(),
    MacStudyCommand.Create(),
    ReconcileCommand.Create(),
    TraceCommand.Create(),
    CoherenceCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    string oneLine = string.Join(" ", parse.Errors[0].Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    Console.Error.WriteLine($"fsbench: {oneLine} (see fsbench --help)");
    return 2;
}
try
{
    // SIGINT/SIGTERM cancel the command's token; it then has a minute to stop what it started (QEMU guests daemonize,
    // so a run or soak that died at the default 2 s would leave them running).
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
}
catch (Exception e) when (e is StudyException or ProbeChannelException)
{
    Console.Error.WriteLine($"fsbench: {e.Message}");
    return 2;
}
