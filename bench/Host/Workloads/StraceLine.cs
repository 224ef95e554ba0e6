using System.Text;

namespace FsBench.Host.Workloads;

/// <summary>
/// One completed system call from `strace -f -y -X raw -qq` output: pid, name, arguments split at the top level, return value.
/// Unfinished/resumed pairs are joined by <see cref="StraceReader"/> before parsing.
/// </summary>
public sealed record StraceLine(int Pid, string Name, IReadOnlyList<string> Args, string Ret)
{
    /// <summary>"0" when the call returned a non-negative value, else the errno name.</summary>
    public string Result => Ret.StartsWith("-1 ", StringComparison.Ordinal) ? Ret.Split(' ')[1] : "0";
    public bool Ok => Result == "0";

    /// <summary>The number the call returned, ignoring strace's "&lt;path&gt;" decoration; null on failure or when not a number.</summary>
    public long? RetValue
    {
        get
        {
            string r = Ret;
            int cut = r.IndexOfAny(['<', ' ']);
            if (cut >= 0) r = r[..cut];
            return r.StartsWith("0x", StringComparison.Ordinal)
                ? long.TryParse(r[2..], System.Globalization.NumberStyles.HexNumber, null, out long h) ? h : null
                : long.TryParse(r, out long v) && v >= 0 ? v : null;
        }
    }

    public static StraceLine? Parse(int pid, string body)
    {
        int open = body.IndexOf('(');
        if (open <= 0) return null;
        // "name(args) = ret", strace pads short calls: "mkdir("d", 0777)        = 0"
        int eq = body.IndexOf(" = ", open, StringComparison.Ordinal);
        int close = -1;
        while (eq > 0)
        {
            close = eq;
            while (close > open && body[close] == ' ') close--;
            if (body[close] == ')' && !InsideQuotes(body, close)) break;
            eq = body.IndexOf(" = ", eq + 3, StringComparison.Ordinal);
        }
        if (eq < 0) return null;
        string name = body[..open];
        if (!name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')) return null;
        string ret = body[(eq + 3)..].Trim();
        return new StraceLine(pid, name, SplitArgs(body[(open + 1)..close]), ret);
    }

    private static bool InsideQuotes(string s, int end)
    {
        bool q = false;
        for (int i = 0; i < end; i++)
        {
            if (s[i] == '\\' && q) { i++; continue; }
            if (s[i] == '"') q = !q;
        }
        return q;
    }

    /// <summary>Splits at commas outside quotes, braces, brackets, parentheses and -y's &lt;path&gt; decorations.</summary>
    public static List<string> SplitArgs(string s)
    {
        var args = new List<string>();
        var cur = new StringBuilder();
        int depth = 0;
        bool inQuote = false, inAngle = false;
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            if (inQuote)
            {
                cur.Append(ch);
                if (ch == '\\' && i + 1 < s.Length) cur.Append(s[++i]);
                else if (ch == '"') inQuote = false;
                continue;
            }
            if (inAngle)
            {
                cur.Append(ch);
                if (ch == '>') inAngle = false;
                continue;
            }
            switch (ch)
            {
                case '"': inQuote = true; cur.Append(ch); break;
                case '<' when cur.Length > 0 && char.IsAsciiDigit(cur[^1]): inAngle = true; cur.Append(ch); break;
                case '{' or '[' or '(': depth++; cur.Append(ch); break;
                case '}' or ']' or ')': depth--; cur.Append(ch); break;
                case ',' when depth == 0:
                    args.Add(cur.ToString().Trim());
                    cur.Clear();
                    break;
                default: cur.Append(ch); break;
            }
        }
        if (cur.Length > 0 || args.Count > 0) args.Add(cur.ToString().Trim());
        return args;
    }

    /// <summary>A quoted string argument, unescaped; null for NULL or a non-string.</summary>
    public static string? Str(string arg)
    {
        if (arg.Length < 2 || arg[0] != '"') return null;
        int end = arg.LastIndexOf('"');
        if (end <= 0) return null;
        return Unescape(arg[1..end]);
    }

    /// <summary>"3&lt;/tmp/x&gt;" or "-100&lt;/tmp&gt;": the number and the path strace decorated it with.</summary>
    public static (int Fd, string? Path) Fd(string arg)
    {
        int lt = arg.IndexOf('<');
        string num = lt < 0 ? arg : arg[..lt];
        int fd = int.TryParse(num, out int n) ? n : int.MinValue;
        string? path = lt < 0 || !arg.EndsWith('>') ? null : Unescape(arg[(lt + 1)..^1]);
        if (path is not null && path.EndsWith(" (deleted)", StringComparison.Ordinal)) path = path[..^10];
        return (fd, path);
    }

    public static long? Num(string arg)
    {
        string a = arg.Trim();
        if (a.StartsWith("0x", StringComparison.Ordinal))
            return long.TryParse(a[2..], System.Globalization.NumberStyles.HexNumber, null, out long h) ? h : null;
        if (a.Length > 1 && a[0] == '0' && a.All(char.IsAsciiDigit)) return Convert.ToInt64(a, 8);
        return long.TryParse(a, out long v) ? v : null;
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var bytes = new List<byte>();
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            if (ch != '\\' || i + 1 >= s.Length) { bytes.AddRange(Encoding.UTF8.GetBytes(ch.ToString())); continue; }
            char e = s[++i];
            switch (e)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 'v': bytes.Add(0x0b); break;
                case 'f': bytes.Add(0x0c); break;
                case 'x' when i + 2 < s.Length:
                    bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16)); i += 2; break;
                case >= '0' and <= '7':
                    int j = i, v = 0;
                    while (j < s.Length && j < i + 3 && s[j] is >= '0' and <= '7') v = v * 8 + (s[j++] - '0');
                    bytes.Add((byte)v); i = j - 1; break;
                default: bytes.AddRange(Encoding.UTF8.GetBytes(e.ToString())); break;
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}

/// <summary>Reads strace -f output, joining "&lt;unfinished ...&gt;" with its "&lt;... name resumed&gt;" line.</summary>
public static class StraceReader
{
    public static IEnumerable<StraceLine> Read(TextReader reader)
    {
        var pending = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            int sp = line.IndexOf(' ');
            if (sp <= 0 || !int.TryParse(line[..sp], out int pid)) continue;
            string body = line[sp..].TrimStart();
            if (body.EndsWith("<unfinished ...>", StringComparison.Ordinal))
            {
                pending[pid] = body[..^"<unfinished ...>".Length].TrimEnd();
                continue;
            }
            if (body.StartsWith("<... ", StringComparison.Ordinal))
            {
                int resumed = body.IndexOf("resumed>", StringComparison.Ordinal);
                if (resumed < 0 || !pending.Remove(pid, out var head)) continue;
                string tail = body[(resumed + "resumed>".Length)..];
                tail = tail.TrimStart();
                bool glued = head.EndsWith('(') || head.EndsWith(',') || tail.StartsWith(')') || tail.StartsWith(',');
                body = head + (glued ? "" : ", ") + tail;
            }
            if (StraceLine.Parse(pid, body) is { } parsed) yield return parsed;
        }
    }
}
