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
        using var csv = Open(path, options);
        using var records = csv.GetRecords<T>().GetEnumerator();
        while (true)
        {
            try
            {
                if (!records.MoveNext()) yield break;
            }
            catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException or IOException)
            {
                throw new BadInputException(path, e.Message);
            }
            yield return records.Current;
        }
    }

    private static CsvReader Open(string path, CsvReaderOptions options)
    {
        try { return CsvReader.FromFile(path, options); }
        catch (IOException e) { throw new BadInputException(path, e.Message); }
    }
}
