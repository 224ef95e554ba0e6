using System.CommandLine;
using FsBench.Host.Study;
using FsBench.Host.Workloads;
using FsBench.Protocol.Trace;

namespace FsBench.Host.Commands;

/// <summary>
/// fsbench trace: converts the strace output of a real tool into a workload trace (bench/workloads/record-traces.sh calls it).
/// </summary>
public static class TraceCommand
{
    public static Command Create()
    {
        var strace = new Option<string>("--strace") { Description = "strace -f -y -X raw -qq output", Required = true };
        var workspace = new Option<string>("--workspace") { Description = "the directory the tool worked in; only calls inside it are kept", Required = true };
        var cwd = new Option<string?>("--cwd") { Description = "the traced command's working directory (default: --workspace)" };
        var output = new Option<string>("--out") { Description = "the trace file to write", Required = true };
        var comment = new Option<string>("--comment") { Description = "what was recorded (goes in the trace's first line)", DefaultValueFactory = _ => "" };
        var cmd = new Command("trace", "Convert strace output of a real tool into a workload trace") { strace, workspace, cwd, output, comment };
        cmd.SetAction(parse =>
        {
            string input = parse.GetValue(strace)!;
            if (!File.Exists(input)) throw new StudyException($"--strace: {input} does not exist");
            string ws = Path.GetFullPath(parse.GetValue(workspace)!);
            var converter = new StraceConverter(ws, Path.GetFullPath(parse.GetValue(cwd) ?? ws));
            using (var reader = new StreamReader(input))
                foreach (var line in StraceReader.Read(reader)) converter.Add(line);
            string outPath = parse.GetValue(output)!;
            using (var w = new StreamWriter(outPath) { NewLine = "\n" })
                TraceFormat.Write(w, parse.GetValue(comment)!, converter.Calls);
            var byOp = converter.Calls.GroupBy(c => c.Op).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"fsbench: {outPath}: {converter.Calls.Count} calls ({string.Join(", ", byOp)})");
            return 0;
        });
        return cmd;
    }
}
