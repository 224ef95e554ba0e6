using System.Globalization;
using System.Text;

namespace FsBench.Protocol.Trace;

/// <summary>
/// The workload trace format, declared once (the recorder writes it, the host and the probe read it).
/// Tab-separated, one call per line, in the order the calls completed on the host; lines starting with '#' are
/// comments (the first says what was recorded). Columns:
/// <c>tid op path path2 flags mode size handle result</c>
/// <list type="bullet">
/// <item>tid: the recording's thread id, renumbered 1, 2, ... in order of appearance;</item>
/// <item>op: one of <see cref="TraceOps.All"/>;</item>
/// <item>path: relative to the workspace ("." is the workspace itself); for calls on a descriptor, the descriptor's file;</item>
/// <item>path2: rename's and link's new name; symlink's target text;</item>
/// <item>flags: open's flags by name without "O_" ("WRONLY|CREAT|EXCL"), portable across architectures; utimens: "NOFOLLOW" or absent;</item>
/// <item>mode: octal (mkdir, open with CREAT, chmod), or access's mode;</item>
/// <item>size: bytes read, written or truncated to;</item>
/// <item>handle: open's result, and the descriptor of read, write, close, fstat, getdents...: a number unique in the trace;</item>
/// <item>result: "0", or the errno name the call failed with on the host.</item>
/// </list>
/// An absent value is "-".
/// </summary>
public static class TraceFormat
{
    public const string Magic = "# fsbench-trace 1";
    public const string Columns = "# tid\top\tpath\tpath2\tflags\tmode\tsize\thandle\tresult";
    public const string None = "-";

    public static string Line(TraceCall c)
    {
        var inv = CultureInfo.InvariantCulture;
        return string.Join('\t',
            c.Tid.ToString(inv), c.Op, Field(c.Path), Field(c.Path2), Field(c.Flags),
            c.Mode is { } m ? "0" + Convert.ToString(m, 8) : None,
            c.Size is { } s ? s.ToString(inv) : None,
            c.Handle is { } h ? h.ToString(inv) : None,
            c.Result);
    }

    public static void Write(TextWriter w, string comment, IEnumerable<TraceCall> calls)
    {
        w.Write(Magic + " " + comment.Replace('\n', ' ') + "\n");
        w.Write(Columns + "\n");
        foreach (var c in calls) { w.Write(Line(c)); w.Write('\n'); }
    }

    public static List<TraceCall> Parse(string text, string source = "trace")
    {
        var calls = new List<TraceCall>();
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            calls.Add(ParseLine(line, $"{source}:{lineNo}"));
        }
        return calls;
    }

    public static TraceCall ParseLine(string line, string where)
    {
        var f = line.Split('\t');
        if (f.Length != 9) throw new TraceFormatException($"{where}: {f.Length} columns, expected 9 (tid op path path2 flags mode size handle result)");
        var inv = CultureInfo.InvariantCulture;
        if (!int.TryParse(f[0], NumberStyles.None, inv, out int tid)) throw new TraceFormatException($"{where}: tid '{f[0]}' is not a number");
        if (!TraceOps.IsKnown(f[1])) throw new TraceFormatException($"{where}: unknown op '{f[1]}' (known: {string.Join(",", TraceOps.All)})");
        uint? mode = null;
        if (f[5] != None)
        {
            try { mode = Convert.ToUInt32(f[5], 8); }
            catch (FormatException) { throw new TraceFormatException($"{where}: mode '{f[5]}' is not octal"); }
        }
        long? size = f[6] == None ? null : long.TryParse(f[6], NumberStyles.None, inv, out long s) ? s
            : throw new TraceFormatException($"{where}: size '{f[6]}' is not a number");
        int? handle = f[7] == None ? null : int.TryParse(f[7], NumberStyles.None, inv, out int h) ? h
            : throw new TraceFormatException($"{where}: handle '{f[7]}' is not a number");
        if (f[8].Length == 0) throw new TraceFormatException($"{where}: empty result");
        return new TraceCall(tid, f[1], Value(f[2]), Value(f[3]), Value(f[4]), mode, size, handle, f[8]);
    }

    private static string Field(string? s)
    {
        if (s is null) return None;
        if (s.Contains('\t') || s.Contains('\n')) throw new TraceFormatException($"path '{s}' contains a tab or newline");
        return s;
    }

    private static string? Value(string s) => s == None ? null : s;
}

/// <summary>One recorded call (see <see cref="TraceFormat"/> for the fields).</summary>
public sealed record TraceCall(int Tid, string Op, string? Path, string? Path2, string? Flags, uint? Mode, long? Size, int? Handle, string Result)
{
    public bool Succeeded => Result == "0";
}

public sealed class TraceFormatException(string message) : Exception(message);
