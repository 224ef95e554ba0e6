using System.Globalization;
using CsvHelper;

namespace FsBench.RunFormat;

/// <summary>
/// Reads and writes the run folder's CSV files (invariant culture, comma separated, header first, "\n" line ends)
/// through the records' generated mappers; any problem reading is a one-line <see cref="RunFormatException"/>.
/// </summary>
public static class RunFormatCsv
{
    private static readonly CsvWriterOptions WriterOptions = new() { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
    private static readonly object AppendLock = new();

    /// <summary>Streams the records of a file.</summary>
    public static IEnumerable<T> Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new RunFormatException(path, "file is missing");
        var options = new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture, TrackLineNumbers = true };
        using var csv = Guard(path, () => CsvReader.FromFile(path, options));
        using var records = Guard(path, () => csv.GetRecords<T>().GetEnumerator());
        while (Guard(path, records.MoveNext))
            yield return records.Current;
    }

    /// <summary>The records of a file that only some runs have (restarts.csv, knownbugs.csv in old runs), or none.</summary>
    public static IReadOnlyList<T> ReadIfPresent<T>(string path) where T : class =>
        File.Exists(path) ? Read<T>(path).ToList() : [];

    /// <summary>Creates (or empties) the file with only its header.</summary>
    public static void CreateEmpty<T>(string path) where T : class => WriteAll<T>(path, []);

    /// <summary>Replaces the file with a header and these rows, atomically.</summary>
    public static void WriteAll<T>(string path, IEnumerable<T> rows) where T : class
    {
        string tmp = path + ".tmp";
        using (var writer = new StreamWriter(tmp))
        using (var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true))
        {
            csv.WriteHeader<T>();
            foreach (var row in rows) csv.WriteRecord(row);
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Appends rows; writes the header first when the file does not exist yet.</summary>
    public static void Append<T>(string path, IEnumerable<T> rows) where T : class
    {
        var list = rows.ToList();
        lock (AppendLock)
        {
            bool header = !File.Exists(path) || new FileInfo(path).Length == 0;
            if (list.Count == 0 && !header) return;
            using var writer = new StreamWriter(path, append: true);
            using var csv = CsvWriter.Create(writer, WriterOptions, leaveOpen: true);
            if (header) csv.WriteHeader<T>();
            foreach (var row in list) csv.WriteRecord(row);
        }
    }

    public static void Append<T>(string path, T row) where T : class => Append(path, [row]);

    /// <summary>The header line of a record's file, as written.</summary>
    public static string Header<T>() where T : class
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, WriterOptions, leaveOpen: true)) csv.WriteHeader<T>();
        return text.ToString().TrimEnd('\n');
    }

    private static TResult Guard<TResult>(string path, Func<TResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new RunFormatException(path, e.Message);
        }
    }
}
