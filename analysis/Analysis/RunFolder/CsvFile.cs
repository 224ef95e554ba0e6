using System.Globalization;
using CsvHelper;

namespace Analysis.RunFolder;

/// <summary>Streams the records of a run-folder CSV (invariant culture, header first); any problem is a one-line error.</summary>
internal static class CsvFile
{
    public static IEnumerable<T> Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new BadInputException(path, "file is missing");
        var options = new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture, TrackLineNumbers = true };
        using var csv = Guard(path, () => CsvReader.FromFile(path, options));
        using var records = Guard(path, () => csv.GetRecords<T>().GetEnumerator());
        while (Guard(path, records.MoveNext))
            yield return records.Current;
    }

    private static TResult Guard<TResult>(string path, Func<TResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new BadInputException(path, e.Message);
        }
    }
}
