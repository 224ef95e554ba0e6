using System.Globalization;

namespace FsBench.Protocol;

/// <summary>
/// workloads.csv of a run folder, declared once (the host writes it, the analysis reads it): one row per measured
/// repetition of a workload on a provider and mount. Warmup repetitions are not written.
/// <c>provider,mount,workload,rep,calls,lanes,wall_ns,setup_ns,failures,failures_by_errno</c>;
/// failures_by_errno is "ENOENT:3;OK:1" (empty when none): calls whose outcome differed from the host recording.
/// </summary>
public sealed record WorkloadRow(string Provider, string Mount, string Workload, int Rep, long Calls, int Lanes,
    long WallNs, long SetupNs, long Failures, IReadOnlyDictionary<string, long> FailuresByErrno)
{
    public const string FileName = "workloads.csv";
    public const string Header = "provider,mount,workload,rep,calls,lanes,wall_ns,setup_ns,failures,failures_by_errno";

    public string Line()
    {
        var inv = CultureInfo.InvariantCulture;
        string errnos = string.Join(';', FailuresByErrno.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value.ToString(inv)}"));
        return string.Join(',', Provider, Mount, Workload, Rep.ToString(inv), Calls.ToString(inv), Lanes.ToString(inv),
            WallNs.ToString(inv), SetupNs.ToString(inv), Failures.ToString(inv), errnos);
    }

    public static List<WorkloadRow> Read(string path)
    {
        var rows = new List<WorkloadRow>();
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (n == 1)
            {
                if (line != Header) throw new FormatException($"{path}:1: header is not '{Header}'");
                continue;
            }
            if (line.Length == 0) continue;
            var f = line.Split(',');
            if (f.Length != 10) throw new FormatException($"{path}:{n}: {f.Length} fields, expected 10");
            try
            {
                var inv = CultureInfo.InvariantCulture;
                var errnos = f[9].Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(e => e.Split(':')).ToDictionary(e => e[0], e => long.Parse(e[1], inv));
                rows.Add(new WorkloadRow(f[0], f[1], f[2], int.Parse(f[3], inv), long.Parse(f[4], inv), int.Parse(f[5], inv),
                    long.Parse(f[6], inv), long.Parse(f[7], inv), long.Parse(f[8], inv), errnos));
            }
            catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
            {
                throw new FormatException($"{path}:{n}: {e.Message}");
            }
        }
        return rows;
    }
}
