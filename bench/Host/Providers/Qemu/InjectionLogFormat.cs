using System.Globalization;

namespace FsBench.Host.Providers.Qemu;

/// <summary>
/// The fault model's injection log, faultmodel/&lt;provider&gt;.injections.csv in the run folder: the host writes the
/// header when the provider starts, the library in virtiofsd appends one line per injection (bench/faultmodel/fm_model.c,
/// fm_log): microseconds since the Unix epoch, the behaviour (kind), the errno reported (0: none, e.g. a stall or a
/// leaked descriptor), and the host path, as virtiofsd's sandbox sees it (the share is "/"). Format: results/README.md.
/// </summary>
public static class InjectionLogFormat
{
    public const string Suffix = ".injections.csv";
    public const string Header = "unix_time_us,kind,errno,path";

    public sealed record Injection(DateTimeOffset Time, string Kind, int Errno, string Path);

    public static IReadOnlyList<Injection> Read(string file) =>
        File.ReadLines(file).Skip(1).Where(l => l.Length > 0).Select(Parse).ToList();

    public static Injection Parse(string line)
    {
        var f = line.Split(',', 4);
        if (f.Length != 4 || !long.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long us) || !int.TryParse(f[2], out int errno))
            throw new FormatException($"not an injection log line ({Header}): '{line}'");
        return new Injection(DateTimeOffset.FromUnixTimeMilliseconds(us / 1000).AddTicks(us % 1000 * 10), f[1], errno, f[3]);
    }

    /// <summary>Injections by kind.</summary>
    public static Dictionary<string, int> CountByKind(IEnumerable<Injection> log) =>
        log.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());
}
